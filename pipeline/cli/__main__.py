"""`python -m pipeline.cli`, as `python -m pipeline` and the `presseschau` command (the package's
`if __name__ == "__main__"` never ran: a package cannot be executed without this module)."""
from . import app

if __name__ == "__main__":
    app(prog_name="presseschau")
