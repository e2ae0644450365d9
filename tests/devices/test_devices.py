import os
import threading

from pos.devices.scanner import LAYOUTS, TEST_BARCODE, BurstDetector, guess_layout, remap
from pos.devices.serial_scanner import SerialScanner
from pos.devices.speech import CommandSpeaker


def test_burst_of_fast_keys_is_a_scan_and_slow_typing_is_not():
    detector = BurstDetector()
    for i, ch in enumerate("6971230000006"):
        detector.key(ch, 1.0 + i * 0.004)
    assert detector.enter(1.0 + 13 * 0.004) == "6971230000006"
    for i, ch in enumerate("YJ1000"):
        detector.key(ch, 2.0 + i * 0.12)
    assert detector.enter(2.0 + 6 * 0.12) is None


def test_a_pause_before_the_burst_does_not_spoil_it():
    detector = BurstDetector()
    detector.key("x", 0.0)  # a stray key typed by a person
    for i, ch in enumerate("YJ1000"):
        detector.key(ch, 1.0 + i * 0.003)
    assert detector.enter(1.02) == "YJ1000"


def test_layouts_are_read_back():
    azerty = "".join({v: k for k, v in LAYOUTS["azerty-fr"].items()}.get(c, c) for c in TEST_BARCODE)
    assert azerty.startswith("à&é")
    assert remap(azerty, "azerty-fr") == TEST_BARCODE
    assert guess_layout(azerty) == "azerty-fr"
    assert guess_layout(TEST_BARCODE) == "us"
    assert guess_layout("garbage") is None


def test_serial_scanner_reads_lines_from_a_real_tty():
    master, slave = os.openpty()
    got, errors = [], []
    two_read = threading.Event()

    def read(line):  # noqa: ANN001, ANN202
        got.append(line)
        if len(got) >= 2:
            two_read.set()

    scanner = SerialScanner(os.ttyname(slave), 9600, read, errors.append)
    scanner.start()
    try:
        assert scanner.ready.wait(5)
        os.write(master, b"6971230000006\r\n3*YJ1000\r")
        assert two_read.wait(5)
        assert got == ["6971230000006", "3*YJ1000"] and errors == []
    finally:
        scanner.stop()
        os.close(master)
        os.close(slave)


def test_serial_scanner_on_a_missing_port_reports_it():
    errors = []
    scanner = SerialScanner("/dev/does-not-exist", 9600, lambda t: None, errors.append)
    scanner.start()
    scanner.join(5)
    assert errors and "cannot open scanner port" in errors[0]


def test_command_speaker_never_waits_for_the_speech():
    speaking, release, spoken = threading.Event(), threading.Event(), threading.Event()
    voices = []

    def run(command):  # noqa: ANN001, ANN202 - a slow "voice": it speaks until the test lets it finish
        if command[1] == "-q":
            return 0
        voices.append(threading.current_thread())
        speaking.set()
        release.wait(10)
        spoken.set()
        return 0

    speaker = CommandSpeaker(which=lambda program: "/bin/sleep" if program == "espeak-ng" else None, run=run)
    assert speaker.checked.wait(5) and speaker.available
    speaker.say("收您一百元，找您二十元五角")  # say() must return while the voice is still speaking
    assert not spoken.is_set()
    assert speaking.wait(5) and voices[0] is not threading.current_thread()
    assert speaker.said == ["收您一百元，找您二十元五角"]
    release.set()
    assert spoken.wait(5) and speaker.available
    assert not CommandSpeaker(which=lambda program: None).available
