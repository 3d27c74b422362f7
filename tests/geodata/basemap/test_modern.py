"""Modern WDBII borders: snapped ends and the land faces they cut."""

import numpy as np
import pytest
from shapely.geometry import box

from geodata.basemap.modern import OVERSHOOT, face_at, land_faces, read_borders, snap_ends
from geodata.basemap.physical import read_physical
from geodata.basemap.regions import SEEDS


def test_snap_joins_near_ends_and_extends_loose_ones():
    a = np.array([[0.0, 0.0], [1.0, 0.0]])
    b = np.array([[1.004, 0.002], [1.0, 1.0]])
    out = snap_ends([a, b])
    assert out[0][-1].tolist() == out[1][0].tolist()
    assert out[0][0].tolist() == pytest.approx([-OVERSHOOT, 0.0], abs=1e-3)


def test_faces_split_land_along_a_border():
    faces = land_faces(box(0, 0, 2, 1), [np.array([[1.0, -0.1], [1.0, 1.1]])])
    assert sorted(round(f.area, 3) for f in faces) == [1.0, 1.0]
    with pytest.raises(ValueError, match=r"no land face contains the seed point \(5, 5\)"):
        face_at(faces, 5, 5)


def test_seeds_fall_in_distinct_modern_faces():
    phys = read_physical("l")
    faces = land_faces(phys.land, read_borders("l"))
    found = {name: face_at(faces, *pt) for name, pt in SEEDS.items()}
    china, russia, mongolia = found["CHN"], found["RUS"], found["MNG"]
    assert china is not russia and china is not mongolia and russia is not mongolia
    assert found["PRK"] is not found["KOR"] is not china
    assert 900 < china.area < 1000  # square degrees: China is cut out of Eurasia
