"""training.interpolate_ner: weight interpolation between two models of the same architecture."""
import numpy
import pytest
from thinc.api import Linear, Relu, chain

from training.interpolate_ner import interpolate


def _model(seed: int):
    numpy.random.seed(seed)
    m = chain(Relu(4, 3), Linear(2, 4))
    m.initialize(X=numpy.random.rand(5, 3).astype("f"), Y=numpy.zeros((5, 2), dtype="f"))
    for node in m.walk():  # different, known weights in each model
        for name in node.param_names:
            if node.has_param(name):
                node.set_param(name, numpy.random.rand(*node.get_param(name).shape).astype("f"))
    return m


def _params(m):
    return [n.get_param(p).copy() for n in m.walk() for p in n.param_names if n.has_param(p)]


@pytest.mark.parametrize("alpha", [0.0, 0.25, 1.0])
def test_interpolate_is_the_weighted_mean(alpha):
    base, other = _model(1), _model(2)
    pb, po = _params(base), _params(other)
    n = interpolate(base, other, alpha)
    assert n == len(pb) == 4
    for b, o, new in zip(pb, po, _params(other)):
        numpy.testing.assert_allclose(new, (1 - alpha) * b + alpha * o, rtol=1e-6)
    for b, kept in zip(pb, _params(base)):  # the base is left as it was
        numpy.testing.assert_array_equal(b, kept)


def test_interpolate_refuses_other_architectures():
    base = _model(1)
    other = chain(Relu(4, 3), Relu(4, 4), Linear(2, 4))
    other.initialize(X=numpy.random.rand(5, 3).astype("f"), Y=numpy.zeros((5, 2), dtype="f"))
    with pytest.raises(ValueError):
        interpolate(base, other, 0.5)
