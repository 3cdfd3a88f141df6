"""Cross-implementation helper: Apache Avro's Python library (Debian python3-avro) decodes and re-encodes.

stdin:  {"schema": <Avro JSON>, "items": ["<hex>", ...]}
stdout: {"values": [<normalized datum>, ...], "reencoded": ["<hex>" or null, ...], "errors": [null or "<text>", ...]}
Normalized: bytes -> {"$bytes": hex}, Decimal -> {"$decimal": plain text}, date -> {"$date": iso},
time -> {"$time": HH:MM:SS.ffffff}, datetime -> {"$micros": "<micros since epoch>"}, UUID -> str,
ints outside +-(2^53-1) -> {"$long": "<digits>"}.
"""
import datetime
import decimal
import io
import json
import sys
import uuid

import avro.io
import avro.schema

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
SAFE = 2**53 - 1


def normalize(d):
    if d is None or isinstance(d, (bool, str)):
        return d
    if isinstance(d, int):
        return d if -SAFE <= d <= SAFE else {"$long": str(d)}
    if isinstance(d, float):
        return d
    if isinstance(d, bytes):
        return {"$bytes": d.hex()}
    if isinstance(d, decimal.Decimal):
        return {"$decimal": format(d, "f")}
    if isinstance(d, datetime.datetime):
        return {"$micros": str((d - EPOCH) // datetime.timedelta(microseconds=1))}
    if isinstance(d, datetime.date):
        return {"$date": d.isoformat()}
    if isinstance(d, datetime.time):
        return {"$time": d.isoformat(timespec="microseconds")}
    if isinstance(d, uuid.UUID):
        return str(d)
    if isinstance(d, list):
        return [normalize(x) for x in d]
    if isinstance(d, dict):
        return {k: normalize(v) for k, v in d.items()}
    raise TypeError(f"cannot normalize {type(d)}")


def main():
    request = json.load(sys.stdin)
    schema = avro.schema.parse(json.dumps(request["schema"]))
    reader = avro.io.DatumReader(schema)
    writer = avro.io.DatumWriter(schema)
    values, reencoded, errors = [], [], []
    with decimal.localcontext() as ctx:
        ctx.prec = 80
        for item in request["items"]:
            datum = reader.read(avro.io.BinaryDecoder(io.BytesIO(bytes.fromhex(item))))
            values.append(normalize(datum))
            out = io.BytesIO()
            try:
                writer.write(datum, avro.io.BinaryEncoder(out))
                reencoded.append(out.getvalue().hex())
                errors.append(None)
            except Exception as error:  # a limitation of this Python library, reported to the test
                reencoded.append(None)
                errors.append(f"{type(error).__name__}: {error}")
    json.dump({"values": values, "reencoded": reencoded, "errors": errors}, sys.stdout)


main()
