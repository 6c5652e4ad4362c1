"""The link generator as a Python/boto3 function would do it: presign the object, publish one PutEvents.

The benchmark's reference point, run as a fresh process on the same event and stub as the Java commands. The
EventBridge endpoint is passed explicitly (AWS_ENDPOINT_URL_EVENTBRIDGE), as botocore before 1.31 ignores the
variable; credentials and region come from the environment.
"""
import datetime
import json
import os
import sys
import urllib.parse

import boto3
from botocore.config import Config

s3 = boto3.client("s3", config=Config(signature_version="s3v4"))
events = boto3.client("events", endpoint_url=os.environ["AWS_ENDPOINT_URL_EVENTBRIDGE"])


def handler(event):
    bucket = event["detail"]["bucket"]["name"]
    key = event["detail"]["object"]["key"]
    name = key.rsplit("/", 1)[-1]
    url = s3.generate_presigned_url("get_object", ExpiresIn=86400, Params={
        "Bucket": bucket, "Key": key,
        "ResponseContentDisposition": "attachment; filename*=UTF-8''" + urllib.parse.quote(name)})
    now = datetime.datetime.now(datetime.timezone.utc)
    detail = {"fileName": name, "fileUrl": url, "bucket": bucket, "expirationTime": "24 hours",
              "timestamp": now.isoformat(timespec="milliseconds").replace("+00:00", "Z"), "key": key}
    answer = events.put_events(Entries=[{"Source": "s3-link-generator", "DetailType": "file-link-generated",
                                         "Detail": json.dumps(detail), "EventBusName": "default",
                                         "Resources": ["arn:aws:s3:::" + bucket]}])
    if answer["FailedEntryCount"]:
        raise RuntimeError("PutEvents refused: %s" % answer["Entries"])
    return detail


if __name__ == "__main__":
    with open(sys.argv[1]) as f:
        print(json.dumps(handler(json.load(f)), indent=1))
