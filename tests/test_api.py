"""The Python API's documented examples run as written."""
import doctest

import parley.api
import parley.graph.build


def test_api_doctests():
    for module in (parley.api, parley.graph.build):
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert result.attempted > 0 and result.failed == 0, module.__name__
