"""Named cold-start steps of the functions, in fresh JVMs, interleaved: benchmarks/Steps.java in each process, the
kernel's CPU time of the whole process beside it. Standard library only; not part of mvn verify.

usage: python3 benchmarks/steps.py [--rounds N] [--first jackson|streaming] JAR[=LABEL]... -- JAVA_HOME...

Each round runs, in a shuffled order, every jar on every JDK for: the dispatcher on one EventBridge event (the
direct path), the same with AWS_LAMBDA_FUNCTION_NAME set as on Lambda, the dispatcher on a standard-queue SQS batch with IDEMPOTENCY_TABLE unset, and the link generator on
one S3 event; all with the Lambda template's JAVA_TOOL_OPTIONS. Prints the median (min-max) of each step.
"""
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Stub  # noqa: E402 (the webhook and PutEvents stub)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"


def main(argv):
    rounds = 5
    first = []
    while argv and argv[0].startswith("--"):
        if argv[0] == "--rounds":
            rounds = int(argv[1])
            argv = argv[2:]
        elif argv[0] == "--first":
            first = [argv[1]]
            argv = argv[2:]
        else:
            break
    split = argv.index("--")
    jars = [(a.split("=", 1) + [os.path.basename(a)])[:2] for a in argv[:split]]
    homes = argv[split + 1:]
    classes = tempfile.mkdtemp(prefix="s3notify-steps-")
    subprocess.run([os.path.join(homes[0], "bin", "javac"), "--release", "17", "-d", classes, "-cp", jars[0][0],
                    os.path.join(ROOT, "benchmarks", "Steps.java")], check=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    endpoint = "http://127.0.0.1:%d" % server.server_address[1]
    base = {"PATH": "/usr/bin:/bin", "HOME": classes, "LANG": "C.UTF-8", "AWS_ACCESS_KEY_ID": "AKIDSTEPSEXAMPLE",
            "AWS_SECRET_ACCESS_KEY": "steps", "AWS_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_CONFIG_FILE": "/nonexistent", "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent",
            "JAVA_TOOL_OPTIONS": OPTIONS}
    dispatch = dict(base, WEBHOOK_URL=endpoint + "/webhook", WEBHOOK_KIND="discord", MAX_ATTEMPTS="1")
    cases = [("dispatch, EventBridge event", "dispatch", "docs/examples/link-events/file-link-generated.json",
              dispatch),
             ("dispatch, EventBridge event, on Lambda", "dispatch",
              "docs/examples/link-events/file-link-generated.json",
              dict(dispatch, AWS_LAMBDA_FUNCTION_NAME="s3-notify-dispatcher")),
             ("dispatch, SQS batch", "dispatch", "core/src/test/resources/fixtures/events/"
              "sqs-file-link-generated-batch.json", dispatch),
             ("link, EventBridge S3 event", "link", "docs/examples/eventbridge-object-created.json",
              dict(base, AWS_ENDPOINT_URL_EVENTBRIDGE=endpoint, HEAD_OBJECT="never"))]
    runs = [(jar, label, home, case) for jar, label in jars for home in homes for case in cases]
    results = {}
    for _ in range(rounds):
        random.shuffle(runs)
        for jar, label, home, (name, function, event, env) in runs:
            argv_ = [os.path.join(home, "bin", "java"), "-cp", jar + ":" + classes, "Steps", function,
                     os.path.join(ROOT, event)] + first
            pid = os.posix_spawn(argv_[0], argv_, env, file_actions=[
                (os.POSIX_SPAWN_OPEN, 1, os.path.join(classes, "out"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC,
                 0o600), (os.POSIX_SPAWN_DUP2, 1, 2)])
            _, status, usage = os.wait4(pid, 0)
            with open(os.path.join(classes, "out")) as f:
                lines = [line for line in f if line.startswith("{")]
            if status != 0 or not lines:
                raise SystemExit("%s %s %s failed: %s" % (label, home, name, open(os.path.join(classes, "out"))
                                                          .read()[-2000:]))
            sample = json.loads(lines[-1])
            sample["kernel cpu"] = (usage.ru_utime + usage.ru_stime) * 1000
            results.setdefault((name, os.path.basename(home), label), []).append(sample)
    server.shutdown()
    for key in sorted(results):
        samples = results[key]
        print("%s · %s · %s (n=%d)" % (key + (len(samples),)))
        for step in samples[0]:
            if step == "answer":
                continue
            if isinstance(samples[0][step], dict):
                line = "  %-32s" % step
                for metric, unit in (("cpu", "ms CPU"), ("classes", "classes"), ("MB", "MB allocated")):
                    values = [s[step][metric] for s in samples]
                    line += " %7.1f %s (%.1f-%.1f)" % (statistics.median(values), unit, min(values), max(values))
                print(line)
            else:
                values = [s[step] for s in samples]
                print("  %-32s %7.1f (%.1f-%.1f)" % (step, statistics.median(values), min(values), max(values)))
        print("  answer: %s" % samples[0]["answer"][:120])


if __name__ == "__main__":
    main(sys.argv[1:])
