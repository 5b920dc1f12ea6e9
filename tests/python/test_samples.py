"""rc.samples: every kind of content Python accepts, the messages for bad ones, the kernel's
answers to the view's requests (chunks, reasons), and the loaders' samples of TensorBoard and
MLflow logs written with those libraries' own writers."""

import io
import json
import math
import struct
import wave

import numpy as np
import pyarrow as pa
import pytest
import runcompare as rc
from PIL import Image
from runcompare import _widget

HOSTILE = "<img src=x onerror=alert(1)>"


def index(widget):
    """The samples table the view gets."""
    return pa.ipc.open_stream(widget._table("runs")).read_all()


def sent(widget, rows):
    """What the widget sends when the view asks for rows: (message, buffers) pairs."""
    messages = []
    widget.send = lambda content, buffers=None: messages.append((content, [bytes(b) for b in buffers or []]))
    widget._on_view_message(widget, {"type": "send-samples", "rows": rows}, [])
    return messages


def decoded(png):
    image = Image.open(io.BytesIO(png))
    return np.asarray(image.convert(image.mode))


def wav_bytes():
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as file:
        file.setnchannels(1)
        file.setsampwidth(2)
        file.setframerate(8000)
        file.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(i / 5))) for i in range(800)))
    return buffer.getvalue()


def test_every_kind_of_content(tmp_path):
    grey = np.arange(12, dtype=np.uint8).reshape(3, 4) * 20
    rgb_float = np.linspace(0, 1, 2 * 3 * 3).reshape(2, 3, 3)
    chw = np.zeros((3, 5, 7), dtype=np.uint8)
    chw[0] = 255
    mask = np.eye(4, dtype=bool)
    pil = Image.new("RGBA", (6, 2), (10, 20, 30, 40))
    audio = tmp_path / "tone.wav"
    audio.write_bytes(wav_bytes())
    svg = tmp_path / "drawing.svg"
    svg.write_text("<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'/>")
    rows = [
        {"run_id": "a", "metric": "grey", "step": 0, "data": grey},
        {"run_id": "a", "metric": "float", "step": 0, "data": rgb_float},
        {"run_id": "a", "metric": "chw", "step": 0, "data": chw},
        {"run_id": "a", "metric": "mask", "step": 0, "data": mask},
        {"run_id": "a", "metric": "pil", "step": 0, "data": pil},
        {"run_id": "a", "metric": "text", "step": 0, "data": "héllo <b>world</b>"},
        {"run_id": "a", "metric": "audio", "step": 0, "path": str(audio)},
        {"run_id": "a", "metric": "svg", "step": 0, "data": svg},
        {"run_id": "a", "metric": "bytes", "step": 0, "data": wav_bytes()},
        {"run_id": "a", "metric": "url", "step": 0, "url": "https://example.org/x.png"},
    ]
    widget = rc.samples(rows)
    table = index(widget)
    assert table.column("mime").to_pylist() == [
        "image/png",
        "image/png",
        "image/png",
        "image/png",
        "image/png",
        "text/plain",
        "audio/wav",
        "image/svg+xml",
        "audio/wav",
        "image/png",
    ]
    assert "data" not in table.column_names  # the bytes stay in the kernel
    [(message, buffers)] = sent(widget, list(range(9)))
    assert message["rows"] == list(range(9)) and message["errors"] == {}
    assert (decoded(buffers[0]) == grey).all()
    assert (decoded(buffers[1]) == np.round(rgb_float * 255).astype(np.uint8)).all()
    assert decoded(buffers[2]).shape == (5, 7, 3) and (decoded(buffers[2])[..., 0] == 255).all()
    assert (decoded(buffers[3]) == mask * 255).all()
    assert decoded(buffers[4]).tolist() == [[[10, 20, 30, 40]] * 6] * 2
    assert buffers[5].decode("utf-8") == "héllo <b>world</b>"
    assert buffers[6] == audio.read_bytes() and buffers[7] == svg.read_bytes()
    # The sizes the view uses to skip what is too large, known before any fetch where they can be.
    assert table.column("size").to_pylist()[5:9] == [len("héllo <b>world</b>".encode()), audio.stat().st_size, svg.stat().st_size, len(wav_bytes())]


def test_store_true_puts_every_sample_in_the_widget_state():
    widget = rc.samples(
        [{"run_id": "a", "metric": "m", "step": 1, "data": "one"}, {"run_id": "b", "metric": "m", "step": 1, "data": np.zeros((2, 2))}], store=True
    )
    table = index(widget)
    assert widget.stored and widget._contents is None
    assert table.column("data")[0].as_py() == b"one"
    assert decoded(table.column("data")[1].as_py()).tolist() == [[0, 0], [0, 0]]


def test_answers_come_in_chunks_and_a_vanished_file_is_a_reason(tmp_path, monkeypatch):
    monkeypatch.setattr(_widget, "CHUNK_BYTES", 1000)
    monkeypatch.setattr("runcompare._samples.CHUNK_BYTES", 1000)
    files = []
    for i in range(5):
        files.append(tmp_path / f"{i}.bin")
        files[-1].write_bytes(bytes([i]) * 600)
    widget = rc.samples([{"run_id": "a", "metric": "m", "step": i, "path": str(f), "mime": "image/png"} for i, f in enumerate(files)])
    files[3].unlink()
    messages = sent(widget, [0, 1, 2, 3, 4, 99])
    assert [m["rows"] for m, _ in messages] == [[0], [1], [2], [4]]
    assert any(m["errors"] == {"3": m["errors"].get("3")} and "could not be read" in m["errors"]["3"] for m, _ in messages if m["errors"])
    assert [b[0][0] for _, b in messages if b] == [0, 1, 2, 4]


def test_other_views_outputs_carry_the_bytes(tmp_path):
    bundle = rc.mime_bundle([{"run_id": "a", "metric": "m", "step": 1, "data": "text"}], view="samples")
    payload = bundle["application/vnd.runcompare.v1+json"]
    assert payload["view"] == "samples"
    page = rc.to_html([{"run_id": "a", "metric": "m", "step": 1, "data": np.zeros((2, 2))}], view="samples", path=tmp_path / "s.html")
    assert "runcompare-" in page and (tmp_path / "s.html").exists()


@pytest.mark.parametrize(
    "rows, message",
    [
        (
            [{"run_id": "a", "metric": "m", "step": 1, "data": {"x": 1}}],
            "the data of the sample at row 0 is a dict: give bytes, text, a numpy array, a PIL image or a file path.",
        ),
        ([{"run_id": "a", "metric": "m", "step": 1, "data": np.zeros((2, 3, 5))}], "the image at row 0 has shape (2, 3, 5): give (height, width) grey pixels"),
        (
            [{"run_id": "a", "metric": "m", "step": 1, "data": np.full((2, 2), 2.5)}],
            "the image at row 0 has values from 2.5 to 2.5: float pixels must be 0 to 1",
        ),
        ([{"run_id": "a", "metric": "m", "step": 1, "data": np.full((2, 2), np.nan)}], "and NaN or inf: float pixels must be 0 to 1"),
        ([{"run_id": "a", "metric": "m", "step": 1, "data": np.full((2, 2), 300)}], "integer pixels must be 0 to 255"),
        ([{"run_id": "a", "metric": "m", "step": 1, "path": "/no/such/file.png"}], "the sample at row 0 is the file '/no/such/file.png', which does not exist"),
    ],
)
def test_bad_content_says_what_to_give(rows, message):
    with pytest.raises(rc.RunsDataError) as caught:
        rc.samples(rows)
    assert message in str(caught.value)


def test_bad_options_name_the_fault():
    rows = [{"run_id": "a", "metric": "img", "variant": "val", "step": 1, "data": "x"}]
    with pytest.raises(rc.RunsDataError, match=r'no metric "loss" in the samples \(series: img/val\)'):
        rc.samples(rows, metrics=["loss"])
    rc.samples(rows, metrics="img")  # a metric takes each of its variants
    with pytest.raises(rc.RunsDataError, match="size must be a number of pixels from 48 to 640; got 10"):
        rc.samples(rows, size=10)
    with pytest.raises(rc.RunsDataError, match='no run "zz" in the samples'):
        rc.samples(rows, base="zz")
    with pytest.raises(rc.RunsDataError, match="no samples belong to the runs"):
        rc.samples(rows, runs=[{"run_id": "b"}])


def test_hostile_names_and_types_travel_as_text():
    widget = rc.samples([{"run_id": HOSTILE, "metric": HOSTILE, "step": 1, "mime": "text/html", "data": HOSTILE}], runs=[{"run_id": HOSTILE, "name": HOSTILE}])
    table = index(widget)
    assert table.column("run_id").to_pylist() == [HOSTILE]
    assert table.column("mime").to_pylist() == ["text/html"]
    widget.selected = [HOSTILE]


# Loaders: TensorBoard's summaries written with its own event writer and protos.


def test_samples_from_tensorboard_reads_images_audio_and_text(tmp_path):
    pytest.importorskip("tensorboard")
    from tensorboard.compat.proto import event_pb2, summary_pb2
    from tensorboard.plugins.image import metadata as image_metadata
    from tensorboard.plugins.text import metadata as text_metadata
    from tensorboard.summary.writer.event_file_writer import EventFileWriter
    from tensorboard.util import tensor_util

    def png(value):
        buffer = io.BytesIO()
        Image.new("RGB", (3, 2), (value, 0, 0)).save(buffer, format="PNG")
        return buffer.getvalue()

    def write(directory, events):
        writer = EventFileWriter(str(directory))
        for event in events:
            writer.add_event(event)
        writer.close()

    # What PyTorch's SummaryWriter writes: v1 image and audio summaries, text as a text-plugin tensor.
    v1 = []
    for step in range(3):
        image = summary_pb2.Summary.Image(height=2, width=3, colorspace=3, encoded_image_string=png(step * 50))
        v1.append(event_pb2.Event(wall_time=1e9 + step, step=step, summary=summary_pb2.Summary(value=[summary_pb2.Summary.Value(tag="fake", image=image)])))
    audio = summary_pb2.Summary.Audio(sample_rate=8000, num_channels=1, length_frames=800, encoded_audio_string=wav_bytes(), content_type="audio/wav")
    v1.append(event_pb2.Event(wall_time=1e9, step=0, summary=summary_pb2.Summary(value=[summary_pb2.Summary.Value(tag="voice", audio=audio)])))
    text = tensor_util.make_tensor_proto([HOSTILE])
    metadata = text_metadata.create_summary_metadata(display_name="", description="")
    v1.append(
        event_pb2.Event(wall_time=1e9, step=5, summary=summary_pb2.Summary(value=[summary_pb2.Summary.Value(tag="story", tensor=text, metadata=metadata)]))
    )
    write(tmp_path / "torch", v1)
    # What tf.summary.image writes: a v2 tensor of [width, height, png, png] (max_outputs=2).
    tensor = tensor_util.make_tensor_proto(np.array([b"3", b"2", png(1), png(2)], dtype=object))
    metadata = image_metadata.create_summary_metadata(display_name="", description="", converted_to_tensor=True)
    write(
        tmp_path / "keras" / "train",
        [event_pb2.Event(wall_time=1e9, step=7, summary=summary_pb2.Summary(value=[summary_pb2.Summary.Value(tag="gen", tensor=tensor, metadata=metadata)]))],
    )
    table = rc.samples_from_tensorboard(tmp_path)
    rows = sorted(table.to_pylist(), key=lambda r: (r["run_id"], r["metric"], r["step"]))
    assert [(r["run_id"], r["metric"], r["step"], r["mime"]) for r in rows] == [
        ("keras/train", "gen", 7, "image/png"),
        ("keras/train", "gen", 7, "image/png"),
        ("torch", "fake", 0, "image/png"),
        ("torch", "fake", 1, "image/png"),
        ("torch", "fake", 2, "image/png"),
        ("torch", "story", 5, "text/markdown"),
        ("torch", "voice", 0, "audio/wav"),
    ]
    assert rows[1]["data"] == png(2) and rows[3]["data"] == png(50) and rows[6]["data"] == wav_bytes()
    assert rows[5]["data"].decode() == HOSTILE
    assert index(rc.samples(table)).num_rows == 7
    with pytest.raises(rc.RunsDataError, match="No image, audio or text summaries"):
        rc.samples_from_tensorboard(tmp_path, tags=["nothing"])


def test_samples_from_mlflow_reads_logged_images_and_media(tmp_path, monkeypatch):
    mlflow = pytest.importorskip("mlflow")
    monkeypatch.setenv("MLFLOW_ALLOW_FILE_STORE", "true")
    monkeypatch.chdir(tmp_path)
    uri = str(tmp_path / "mlruns")
    mlflow.set_tracking_uri(uri)
    # Not the experiment another test left active (MLflow keeps it across tracking URIs); put back after.
    monkeypatch.setattr("mlflow.tracking.fluent._active_experiment_id", None)
    mlflow.set_experiment("samples")
    try:
        ids = []
        for run in range(2):
            with mlflow.start_run(run_name=f"run {run}") as active:
                for step in (0, 10):
                    mlflow.log_image(np.full((4, 5, 3), run * 100 + step, dtype=np.uint8), key="gen/samples", step=step)
                mlflow.log_image(Image.new("RGB", (2, 2)), artifact_file="plots/confusion.png")
                mlflow.log_text(json.dumps({"a": 1}), "notes.json")
                ids.append(active.info.run_id)
    finally:
        mlflow.set_tracking_uri(None)
    table = rc.samples_from_mlflow(ids, tracking_uri=uri)
    rows = sorted(table.to_pylist(), key=lambda r: (ids.index(r["run_id"]), r["metric"], r["step"]))
    assert [(ids.index(r["run_id"]), r["metric"], r["step"], r["mime"]) for r in rows] == [
        (0, "gen/samples", 0, "image/png"),
        (0, "gen/samples", 10, "image/png"),
        (0, "plots/confusion.png", 0, "image/png"),
        (1, "gen/samples", 0, "image/png"),
        (1, "gen/samples", 10, "image/png"),
        (1, "plots/confusion.png", 0, "image/png"),
    ]
    assert decoded(open(rows[4]["path"], "rb").read())[0, 0].tolist() == [110, 110, 110]
    widget = rc.samples(table)
    assert index(widget).num_rows == 6
