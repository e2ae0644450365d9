"""Choosing a voice that really speaks: engines tried in order, failures noticed, silence said."""

import shutil
import threading

from pos.devices.speech import CommandSpeaker, EngineUnavailable, Speaker, VoiceChoice


class FakeEngine(Speaker):
    def __init__(self, name, works=True):
        super().__init__()
        self.name = name
        if not works:
            self.failure = "failed to load"


def refuse(reason):
    def make():
        raise EngineUnavailable("Qt speechd", reason)

    return make


def now(job):
    job()


def test_the_first_engine_that_loads_speaks():
    choice = VoiceChoice(
        [
            refuse("Text to speech engine not initialized"),
            lambda: FakeEngine("broken", works=False),
            lambda: FakeEngine("espeak-ng"),
            lambda: FakeEngine("never asked"),
        ]
    )
    assert choice.available and choice.name == "espeak-ng"
    choice.say("收您两元，不用找零")
    assert choice.engine.said == ["收您两元，不用找零"] and choice.said == ["收您两元，不用找零"]
    assert choice.refused == [("Qt speechd", "Text to speech engine not initialized"), ("broken", "failed to load")]


def test_with_no_engine_nothing_is_spoken_and_it_says_so():
    choice = VoiceChoice([refuse("not initialized"), lambda: CommandSpeaker(which=lambda p: None)])
    assert not choice.available and choice.name == "" and choice.engine is None
    assert choice.refused == [("Qt speechd", "not initialized")]  # no program installed: nothing to mention
    choice.say("收您一百元，找您二十元五角")  # remembered, not spoken, no error
    assert choice.said == ["收您一百元，找您二十元五角"]


def test_an_engine_failing_later_hands_over_to_the_next_and_tells_the_listener():
    first, second = FakeEngine("Qt speechd"), FakeEngine("espeak-ng")
    choice = VoiceChoice([lambda: first, lambda: second])
    changes = []
    choice.on_change = lambda: changes.append(choice.name)
    first._fail("the speech service went away")
    assert choice.name == "espeak-ng" and changes == ["espeak-ng"]
    choice.say("收您十二元，不用找零")
    assert first.said == [] and second.said == ["收您十二元，不用找零"]
    second._fail("stopped speaking")
    assert not choice.available and changes == ["espeak-ng", ""]
    assert choice.refused == [("Qt speechd", "the speech service went away"), ("espeak-ng", "stopped speaking")]
    first._fail("again")  # an engine no longer in use changes nothing
    assert changes == ["espeak-ng", ""]


def test_espeak_ng_speaks_mandarin_with_the_cmn_voice_in_the_background():
    ran = []
    speaker = CommandSpeaker(
        which=lambda p: f"/usr/bin/{p}" if p == "espeak-ng" else None,
        run=lambda command: ran.append(command) or 0,
        background=now,
    )
    assert speaker.available and speaker.name == "espeak-ng"
    speaker.say("收您两百元，找您十二元")
    speaker.say("Received 200.00 yuan", "en")
    assert ran == [
        ["/usr/bin/espeak-ng", "-q", "-v", "cmn", "一"],  # the start-up check: the voice loads
        ["/usr/bin/espeak-ng", "-v", "cmn", "收您两百元，找您十二元"],
        ["/usr/bin/espeak-ng", "-v", "en", "Received 200.00 yuan"],
    ]


def test_a_speech_program_without_the_voice_is_noticed_and_dropped():
    speaker = CommandSpeaker(
        which=lambda p: f"/usr/bin/{p}" if p == "espeak" else None, run=lambda command: 1, background=now
    )
    assert not speaker.available and speaker.failure == "no voice 'zh'"
    choice = VoiceChoice(
        [lambda: CommandSpeaker(which=lambda p: "/usr/bin/espeak-ng", run=lambda c: 1, background=now)]
    )
    assert not choice.available and choice.refused == [("espeak-ng", "no voice 'cmn'")]


def test_a_check_failing_on_its_thread_after_the_choice_is_noticed():
    release, listened = threading.Event(), threading.Event()

    def run(command):
        release.wait(5)
        return 1

    choice = VoiceChoice([lambda: CommandSpeaker(which=lambda p: "/usr/bin/espeak-ng", run=run)])
    choice.on_change = listened.set
    assert choice.name == "espeak-ng"  # the check has not answered yet
    release.set()
    assert listened.wait(5) and not choice.available


def test_a_speech_program_that_stops_working_is_dropped():
    results = iter([0, 2])
    speaker = CommandSpeaker(which=lambda p: "/usr/bin/espeak-ng", run=lambda c: next(results), background=now)
    choice = VoiceChoice([lambda: speaker])
    choice.say("收您两元")
    assert not choice.available and speaker.failure == "stopped speaking"


def test_the_speech_program_on_this_machine_is_checked_for_real():
    speaker = CommandSpeaker()
    assert speaker.checked.wait(10)
    if shutil.which("espeak-ng"):  # installed: its Mandarin voice loads
        assert speaker.available and speaker.name == "espeak-ng", speaker.failure
    elif not shutil.which("espeak"):
        assert not speaker.available


def test_without_a_speech_program_installed_there_is_no_voice(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    speaker = CommandSpeaker()
    assert speaker.checked.is_set() and not speaker.available and speaker.name == ""
