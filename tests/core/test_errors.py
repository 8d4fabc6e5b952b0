"""One error class: every app's refusal is a UserError carrying its message."""

import pytest

from canbo.cadre.errors import CadreError
from canbo.core.errors import UserError
from canbo.evaluation.errors import ConflictError, EvaluationError
from canbo.integration.edxml.packet import EdxmlError
from canbo.integration.imports.reader import SheetError
from canbo.integration.services import ClientError
from canbo.work.errors import WorkError


@pytest.mark.parametrize(
    "cls",
    [CadreError, EvaluationError, ConflictError, EdxmlError, SheetError, ClientError, WorkError],
)
def test_each_app_error_is_a_user_error_with_its_message(cls):
    with pytest.raises(UserError) as caught:
        raise cls("Không được phép.")
    assert caught.value.message == "Không được phép." == str(caught.value)
