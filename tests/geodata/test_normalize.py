import pytest

from geodata.normalize import normalize


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Nikolayevsk-on-Amur", "NIKOLAYEVSK ON AMUR"),
        ("Ürümqi", "Urumqi"),
        ("Arkhangel’sk", "Arkhangelsk"),
        ("哈爾濱", "哈尔滨"),
        ("満洲里", "满洲里"),  # Japanese shinjitai and simplified Chinese
        ("滿洲里", "满洲里"),  # traditional
        ("廟街", "庙街"),
        ("Ёкатеринбург", "Екатеринбург"),
    ],
)
def test_variants_share_a_key(a, b):
    assert normalize(a) == normalize(b)


def test_kana_voicing_marks_are_kept():
    assert normalize("ガ") != normalize("カ")
