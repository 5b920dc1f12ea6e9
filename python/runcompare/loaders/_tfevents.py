"""A TensorBoard run's event files read directly: each file's records (TFRecord framing: the
length, its checksum, an Event protobuf, its checksum) parsed with TensorBoard's Event message and
read on from where the last read stopped.

TensorBoard's own reader (its event accumulator) checks each record's CRC and decodes every value
through TensorFlow's tensor helpers in Python: about 180 microseconds an event, minutes for the
millions of points of a long run. This keeps what the accumulator keeps (scalar series, v1 simple
values and v2 scalar tensors alike; images, audio and text when asked for; the hparams plugin's
session start; restarts purged as it purges them) at a few microseconds an event. A record is taken once it is whole; a record cut off
by a writer still writing ends the read, and the next read starts at it. Checksums are not
verified: a damaged record fails to parse and ends the read of its file, as a checksum failure
ends TensorBoard's.
"""

import os
import struct

# Record framing: an 8-byte length and a 4-byte CRC of it, the data, a 4-byte CRC of the data.
LENGTH = struct.Struct("<Q")
HEAD = 12
TAIL = 4
READ_SIZE = 16 << 20
# A scalar tensor's bytes by its TensorFlow dtype (types.proto: DT_FLOAT, DT_DOUBLE, DT_INT32,
# DT_INT64, DT_HALF); other dtypes go through TensorBoard's tensor helper.
SCALAR_BYTES = {1: struct.Struct("<f"), 2: struct.Struct("<d"), 3: struct.Struct("<i"), 9: struct.Struct("<q"), 19: struct.Struct("<e")}
HPARAMS_TAG = "_hparams_/session_start_info"
# TensorBoard's plugins whose summaries are samples, and the plugin of each v1 summary kind.
SAMPLE_PLUGINS = ("images", "audio", "text")
V1_SAMPLES = {"image": "images", "audio": "audio"}


def is_event_file(name):
    """An event file holding summaries (TensorBoard's test: "tfevents" in the name, not a profiler's empty marker)."""
    return "tfevents" in name and not name.endswith(".profile-empty")


class RunEvents:
    """One run directory's event files, read on from where the last read stopped. ``series`` maps
    each scalar tag to its (steps, wall times, values) lists in the order written; ``hparams`` the
    run's hyperparameters, {} when it logged none; with ``samples=True``, ``samples`` maps each
    image, audio and text tag to its [(step, wall time, plugin, array)] as TensorBoard's tensor
    helper makes them (images: [width, height, encoded, ...], audio: [[encoded, label], ...])."""

    def __init__(self, directory, samples=False):
        self.directory = directory
        self.series = {}
        self.hparams = {}
        self.samples = {} if samples else None
        self._offsets = {}  # file name -> bytes read whole
        self._plugins = {}  # tag -> the plugin its first metadata names
        self._file_version = None
        self._seen_start = False
        self._last_step = -1

    @property
    def files(self):
        return sorted(self._offsets)

    def read(self):
        """Reads every event file's records written since the last read (the files in name order,
        as TensorBoard reads them)."""
        from google.protobuf.message import DecodeError
        from tensorboard.compat.proto import event_pb2

        names = sorted(name for name in os.listdir(self.directory) if is_event_file(name))
        for name in names:
            self._offsets.setdefault(name, 0)
            for data, after in _records(os.path.join(self.directory, name), self._offsets[name]):
                try:
                    event = event_pb2.Event.FromString(data)
                except DecodeError:  # a damaged record: TensorBoard stops reading its file too
                    break
                self._offsets[name] = after
                self._take(event, event_pb2)

    def _take(self, event, event_pb2):
        if event.HasField("file_version"):
            self._file_version = _file_version(event.file_version)
        self._purge_orphans(event, event_pb2)
        if not event.HasField("summary"):
            return
        step, wall_time = event.step, event.wall_time
        self._last_step = step
        plugins, series = self._plugins, self.series
        for value in event.summary.value:
            tag = value.tag or value.node_name
            if tag not in plugins and value.HasField("metadata"):
                plugin = value.metadata.plugin_data
                plugins[tag] = plugin.plugin_name
                if plugin.plugin_name == "hparams" and tag == HPARAMS_TAG:
                    self.hparams = _hparams(plugin.content)
            kind = value.WhichOneof("value")
            if kind == "simple_value":
                number = value.simple_value
                if tag not in plugins:
                    plugins[tag] = "scalars"  # TensorBoard reads v1 values as the scalars plugin's
            elif kind == "tensor" and plugins.get(tag) == "scalars":
                number = _scalar(value.tensor)
            else:
                if self.samples is not None:
                    self._take_sample(tag, kind, value, step, wall_time)
                continue
            points = series.get(tag)
            if points is None:
                points = series[tag] = ([], [], [])
            points[0].append(step)
            points[1].append(wall_time)
            points[2].append(number)

    def _take_sample(self, tag, kind, value, step, wall_time):
        if kind in V1_SAMPLES:
            import numpy as np

            self._plugins.setdefault(tag, V1_SAMPLES[kind])  # as TensorBoard migrates v1 summaries
            if kind == "image":
                image = value.image
                array = np.array([str(image.width).encode(), str(image.height).encode(), image.encoded_image_string], dtype=object)
            else:
                array = np.array([[value.audio.encoded_audio_string, b""]], dtype=object)
        elif kind == "tensor" and self._plugins.get(tag) in SAMPLE_PLUGINS:
            from tensorboard.util import tensor_util

            array = tensor_util.make_ndarray(value.tensor)
        else:
            return
        self.samples.setdefault(tag, []).append((step, wall_time, self._plugins[tag], array))

    def _purge_orphans(self, event, event_pb2):
        """A restarted writer's events replace those it had written from the step it restarted
        at, as TensorBoard shows them: a new session start (event files of version 2 and up)
        drops every tag's points from that step on; in older files, a step going back drops the
        points of the event's own tags from that step on."""
        if self._file_version is not None and self._file_version >= 2:
            if not event.HasField("session_log") or event.session_log.status != event_pb2.SessionLog.START:
                return
            if not self._seen_start:
                self._seen_start = True
                return
            tags = list(self.series)
            sample_tags = list(self.samples or {})
        elif event.HasField("summary") and event.step < self._last_step:
            named = [value.tag or value.node_name for value in event.summary.value]
            tags = [tag for tag in named if tag in self.series]
            sample_tags = [tag for tag in named if tag in (self.samples or {})]
        else:
            return
        for tag in tags:
            steps, times, values = self.series[tag]
            keep = [i for i, step in enumerate(steps) if step < event.step]
            if len(keep) < len(steps):
                self.series[tag] = ([steps[i] for i in keep], [times[i] for i in keep], [values[i] for i in keep])
        for tag in sample_tags:
            self.samples[tag] = [sample for sample in self.samples[tag] if sample[0] < event.step]


def _records(path, offset):
    """The whole records of an event file after ``offset``: (the record's data, the offset after it)."""
    with open(path, "rb") as file:
        file.seek(offset)
        pending = b""
        while True:
            chunk = file.read(READ_SIZE)
            if not chunk:
                return
            buffer = pending + chunk if pending else chunk
            position, end = 0, len(buffer)
            while position + HEAD <= end:
                (length,) = LENGTH.unpack_from(buffer, position)
                stop = position + HEAD + length + TAIL
                if stop > end:
                    break
                offset += stop - position
                yield buffer[position + HEAD : stop - TAIL], offset
                position = stop
            pending = buffer[position:]


def _scalar(tensor):
    """The number a scalar summary's tensor holds."""
    content = tensor.tensor_content
    layout = SCALAR_BYTES.get(tensor.dtype)
    if layout is not None and len(content) == layout.size:
        return float(layout.unpack(content)[0])
    if not content:
        if tensor.dtype == 1 and len(tensor.float_val) == 1:
            return tensor.float_val[0]
        if tensor.dtype == 2 and len(tensor.double_val) == 1:
            return tensor.double_val[0]
    from tensorboard.util import tensor_util

    return float(tensor_util.make_ndarray(tensor).item())


def _file_version(text):
    try:
        return float(text.split("brain.Event:")[-1])
    except ValueError:
        return None


def _hparams(content):
    """The hparams plugin's session start: {name: value}."""
    from tensorboard.plugins.hparams import metadata

    info = metadata.parse_session_start_info_plugin_data(content)
    return {name: _hparam_value(value) for name, value in info.hparams.items()}


def _hparam_value(value):
    """A google.protobuf.Value of the hparams plugin as the Python value it holds."""
    kind = value.WhichOneof("kind")
    return None if kind in (None, "null_value") else getattr(value, kind)
