"""Return slips and print jobs have one state each and one table of moves, like orders."""

import pytest

from pos.domain import print_jobs, return_slips
from pos.domain.errors import InvalidTransition
from pos.domain.print_jobs import PrintJobStatus
from pos.domain.return_slips import ReturnSlipStatus


def test_a_return_slip_waits_for_three_signatures_then_takes_effect_or_is_set_aside():
    state = return_slips.NEW
    assert state is ReturnSlipStatus.AWAITING_SIGNATURES
    state = return_slips.transition(state, "add_lines")
    state = return_slips.transition(state, "sign")
    assert state is ReturnSlipStatus.AWAITING_SIGNATURES
    assert return_slips.transition(state, "complete") is ReturnSlipStatus.COMPLETE
    assert return_slips.transition(state, "void") is ReturnSlipStatus.VOID
    assert return_slips.transition(ReturnSlipStatus.DRAFT, "sign") is ReturnSlipStatus.AWAITING_SIGNATURES


@pytest.mark.parametrize("final", [ReturnSlipStatus.COMPLETE, ReturnSlipStatus.VOID])
def test_a_complete_or_void_return_slip_never_changes(final):
    for action in return_slips.ACTIONS:
        with pytest.raises(InvalidTransition):
            return_slips.transition(final, action)


def test_a_print_job_is_claimed_sent_or_put_back():
    assert print_jobs.transition("pending", "claim") is PrintJobStatus.SENDING
    assert print_jobs.transition("sending", "sent") is PrintJobStatus.DONE
    assert print_jobs.transition("sending", "postpone") is PrintJobStatus.PENDING  # nothing on paper
    assert print_jobs.transition("sending", "fail") is PrintJobStatus.FAILED  # maybe part on paper
    assert print_jobs.transition("sending", "interrupted") is PrintJobStatus.FAILED
    for action in ("retry", "redirect"):
        assert print_jobs.transition("failed", action) is PrintJobStatus.PENDING
    assert print_jobs.transition("failed", "cancel") is PrintJobStatus.CANCELLED
    with pytest.raises(InvalidTransition):
        print_jobs.transition("sending", "cancel")  # on its way: it cannot be called back
    with pytest.raises(InvalidTransition):
        print_jobs.transition("failed", "claim")  # a person looks at a failed job before it goes again


@pytest.mark.parametrize("final", [PrintJobStatus.DONE, PrintJobStatus.CANCELLED])
def test_a_printed_or_cancelled_job_never_changes(final):
    """Nothing prints twice once acknowledged."""
    for action in print_jobs.ACTIONS:
        with pytest.raises(InvalidTransition):
            print_jobs.transition(final, action)


def test_the_queue_is_the_open_states():
    assert print_jobs.OPEN == {PrintJobStatus.PENDING, PrintJobStatus.SENDING, PrintJobStatus.FAILED}
    assert return_slips.OPEN == {ReturnSlipStatus.DRAFT, ReturnSlipStatus.AWAITING_SIGNATURES}
