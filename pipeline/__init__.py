"""Presseschau: raw German news articles in, reviewed structured JSONL out.

Python API (loads the pipeline once, then processes texts or files into records)::

    from pipeline import Presseschau
    ps = Presseschau()                      # or Presseschau(model="de_core_news_md")
    record = ps.process_file("corpus/003_402700ddbbeb6917.txt")
    record = ps.process_text("Am Mittwoch starben mindestens 250 Menschen.", published="2022-01-06")
"""
__version__ = "0.1.0"

__all__ = ["Presseschau", "__version__"]


def __getattr__(name):  # lazy: `import pipeline` stays cheap, spaCy loads on first use
    if name == "Presseschau":
        from .api import Presseschau

        return Presseschau
    raise AttributeError(name)
