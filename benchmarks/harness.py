"""Start-up benchmark of s3-notify's command line: fresh processes, interleaved, against loopback stubs.

Run through benchmarks/run, which builds what is needed and passes the paths. Standard library only (Python 3.8+).
Every process is started with posix_spawn and reaped with wait4, so its CPU time and peak RSS are the kernel's
own figures (children it waited for included); the stubs run in this process and stamp each request on arrival
with the same monotonic clock that stamped the spawn.
"""
import argparse
import datetime
import json
import os
import platform
import random
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MIB = 1024 * 1024
METRICS = ("event", "after", "wall", "cpu", "rss")
# --secrets: the stub answers GetParameter and GetSecretValue with the webhook's URL, as AWS would.
STORED = {"AmazonSSM.GetParameter": {"Parameter": {"Name": "/s3-notify/webhook", "Type": "SecureString",
                                                   "Value": "%s", "Version": 1}},
          "secretsmanager.GetSecretValue": {"ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:hook",
                                            "SecretString": "%s", "VersionId": "v1"}}
# The template's JAVA_TOOL_OPTIONS (lambda-bundle/template.yaml), for the --secrets variants run with plain java -jar.
TEMPLATE_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"


class Stub(BaseHTTPRequestHandler):
    """EventBridge PutEvents and a webhook on one loopback port; each request is stamped on arrival."""
    protocol_version = "HTTP/1.1"
    hits = []

    def do_POST(self):  # noqa: N802 (the http.server naming)
        arrived = time.perf_counter_ns()
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        target = self.headers.get("X-Amz-Target") or ""
        if target.endswith(".PutEvents"):
            kind, reply, ok = "putevents", *self.put_events(body)
        elif target in STORED:
            kind, ok = "secret", True
            url = "http://127.0.0.1:%d/webhook" % self.server.server_address[1]
            reply = json.dumps(STORED[target]).replace("%s", url).encode()
        elif self.path.startswith("/webhook"):
            kind, reply, ok = "webhook", None, b"quarterly-report.pdf" in body
        else:
            kind, reply, ok = "other " + self.path, None, False
        Stub.hits.append((kind, arrived, ok))
        if reply is None:
            self.send_response(204)
            self.send_header("Content-Length", "0")
        else:
            self.send_response(200)
            self.send_header("Content-Type", "application/x-amz-json-1.1")
            self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        if reply:
            self.wfile.write(reply)

    do_PUT = do_POST  # noqa: N815

    @staticmethod
    def put_events(body):
        """Accepts every entry; a hit counts only if the entry carries a presigned link, the work it stands for."""
        try:
            entries = json.loads(body).get("Entries", [])
            detail = json.loads(entries[0]["Detail"])
            ok = "X-Amz-Signature=" in detail.get("fileUrl", "")
        except (ValueError, KeyError, IndexError, TypeError):
            entries, ok = [], False
        reply = {"FailedEntryCount": 0, "Entries": [{"EventId": "bench-%d" % i} for i in range(len(entries))]}
        return json.dumps(reply).encode(), ok

    def log_message(self, *args):
        pass


class Candidate:
    """One thing measured: a command line, its environment, and which stub request marks its work done."""

    def __init__(self, key, label, group, argv, env, awaits, note=""):
        self.key, self.label, self.group, self.argv, self.env = key, label, group, argv, env
        self.awaits, self.note = awaits, note
        self.samples, self.first_use, self.errors = [], None, []


def spawn_and_measure(candidate, workdir):
    """Runs one fresh process to its end; returns its sample, or raises RuntimeError saying what went wrong."""
    out_path = os.path.join(workdir, candidate.key + ".out")
    actions = [(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
               (os.POSIX_SPAWN_OPEN, 1, out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
               (os.POSIX_SPAWN_DUP2, 1, 2)]
    Stub.hits = []
    start = time.perf_counter_ns()
    pid = os.posix_spawn(candidate.argv[0], candidate.argv, candidate.env, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    end = time.perf_counter_ns()
    code = os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else status >> 8
    hits = list(Stub.hits)
    sample = {"wall": (end - start) / 1e6, "cpu": (usage.ru_utime + usage.ru_stime) * 1000,
              "rss": usage.ru_maxrss * 1024 / MIB}
    if code != 0:
        raise RuntimeError("exit code %d; its output ends: %s" % (code, tail(out_path)))
    if candidate.awaits:
        mine = [h for h in hits if h[0] == candidate.awaits]
        if not mine or not mine[0][2]:
            raise RuntimeError("the stub got %s, not one good %s; output ends: %s"
                               % ([h[0] for h in hits] or "nothing", candidate.awaits, tail(out_path)))
        sample["event"] = (mine[0][1] - start) / 1e6
        sample["after"] = sample["wall"] - sample["event"]
    return sample


def tail(path, limit=600):
    with open(path, "rb") as f:
        text = f.read().decode("utf-8", "replace")
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", text).strip()
    return ("..." + text[-limit:]) if len(text) > limit else text


def summary(values):
    if not values:
        return None
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def stats(candidate):
    return {m: summary([s[m] for s in candidate.samples if m in s]) for m in METRICS}


def cell(stat, digits=0):
    if not stat:
        return ""
    fmt = "%%.%df" % digits
    if stat["n"] == 1:
        return fmt % stat["median"]
    return (fmt + " (" + fmt + "–" + fmt + ")") % (stat["median"], stat["min"], stat["max"])


def java_version(home):
    """The JDK's version from its release file, without starting it."""
    try:
        with open(os.path.join(home, "release")) as f:
            found = re.search(r'^JAVA_VERSION="([^"]+)"', f.read(), re.M)
        return found.group(1) if found else "?"
    except OSError:
        return "?"


def candidates(args, port, cache):
    """Everything to measure, in the warm-up order."""
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp"),
            "LANG": "C.UTF-8", "AWS_ACCESS_KEY_ID": "AKIDBENCHMARKEXAMPLE", "AWS_SECRET_ACCESS_KEY": "benchmark",
            "AWS_REGION": "us-east-1", "AWS_DEFAULT_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_CONFIG_FILE": os.path.join(cache, "no-aws-config"),
            "AWS_SHARED_CREDENTIALS_FILE": os.path.join(cache, "no-aws-credentials"),
            "S3NOTIFY_CACHE_DIR": cache}
    endpoint = "http://127.0.0.1:%d" % port
    link_env = dict(base, AWS_ENDPOINT_URL_EVENTBRIDGE=endpoint, HEAD_OBJECT="never")
    dispatch_env = dict(base, WEBHOOK_URL=endpoint + "/webhook", WEBHOOK_KIND="discord", MAX_ATTEMPTS="1")
    link = ["invoke", "link-generator", "--event", args.object_event]
    dispatch = ["invoke", "webhook-dispatcher", "--event", args.link_event]
    jars = [("current", args.jar_label, args.jar)] + [("baseline%d" % i, label, path) for i, (label, path)
                                                      in enumerate(args.baseline_jar)]
    found = []
    for home in args.java_home:
        version = java_version(home)
        jdk = "jdk" + version.split(".")[0]
        suffix = " · " + jdk if len(args.java_home) > 1 else ""
        java = os.path.join(home, "bin", "java")
        env = {"PATH": os.path.join(home, "bin") + ":" + base["PATH"], "JAVA_HOME": home}
        found.append(Candidate(jdk + "-floor", "JVM floor (trivial class)" + suffix, "floor",
                               [java, "-cp", args.floor_classes, "Floor"], dict(base, **env), None))
        for tag, label, jar in jars:
            chosen = {} if tag == "current" else {"S3NOTIFY_JAR": jar}
            for function, words, fenv, awaits in (("link", link, link_env, "putevents"),
                                                  ("dispatch", dispatch, dispatch_env, "webhook")):
                name = "link generator" if function == "link" else "dispatcher"
                if not args.smoke:  # the smoke checks that the benchmark runs: the launcher and boto3 suffice
                    found.append(Candidate("%s-%s-%s-plain" % (jdk, tag, function),
                                           "%s, %s, plain java -jar%s" % (name, label, suffix), function,
                                           [java, "-jar", jar] + words, dict(fenv, **env), awaits))
                if args.steps and tag == "current":
                    found.append(Candidate("%s-%s-%s-c1" % (jdk, tag, function),
                                           "%s, %s, java -XX:TieredStopAtLevel=1 -jar%s" % (name, label, suffix),
                                           function, [java, "-XX:TieredStopAtLevel=1", "-jar", jar] + words,
                                           dict(fenv, **env), awaits))
                    found.append(Candidate("%s-%s-%s-noarchive" % (jdk, tag, function),
                                           "%s, %s, ./s3notify with S3NOTIFY_ARCHIVE=off%s" % (name, label, suffix),
                                           function, [args.launcher] + words,
                                           dict(fenv, S3NOTIFY_ARCHIVE="off", **env), awaits))
                found.append(Candidate("%s-%s-%s-launcher" % (jdk, tag, function),
                                       "%s, %s, ./s3notify%s" % (name, label, suffix), function,
                                       [args.launcher] + words, dict(fenv, **env, **chosen), awaits))
            if args.secrets:
                found += secret_variants(args, jdk, tag, label, suffix, java, jar, dispatch, dispatch_env, env,
                                         chosen, endpoint)
    if args.python:
        found.append(Candidate("boto3-link", "link generator, Python boto3 (%s)" % args.python_label, "boto3",
                               [args.python, args.boto3_script, args.object_event],
                               dict(link_env, AWS_ENDPOINT_URL_EVENTBRIDGE=endpoint), "putevents"))
    return found


def secret_variants(args, jdk, tag, label, suffix, java, jar, words, dispatch_env, env, chosen, endpoint):
    """The dispatcher with its URL in the environment, in SSM and in Secrets Manager: java -jar with the template's
    JAVA_TOOL_OPTIONS (as on Lambda), and ./s3notify for the stored ones (the environment's is measured above)."""
    found = []
    sources = (("env", "URL in WEBHOOK_URL", {}),
               ("parameter", "URL from WEBHOOK_URL_PARAMETER",
                {"WEBHOOK_URL_PARAMETER": "/s3-notify/webhook", "AWS_ENDPOINT_URL_SSM": endpoint}),
               ("secret", "URL from WEBHOOK_URL_SECRET_ARN",
                {"WEBHOOK_URL_SECRET_ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:hook",
                 "AWS_ENDPOINT_URL_SECRETS_MANAGER": endpoint}))
    for source, words_label, extra in sources:
        senv = dict(dispatch_env, **env, **extra)
        if source != "env":
            del senv["WEBHOOK_URL"]
        found.append(Candidate("%s-%s-dispatch-%s-options" % (jdk, tag, source),
                               "dispatcher, %s, java -jar + template options, %s%s" % (label, words_label, suffix),
                               "dispatch", [java, "-jar", jar] + words,
                               dict(senv, JAVA_TOOL_OPTIONS=TEMPLATE_OPTIONS), "webhook"))
        if source != "env":
            found.append(Candidate("%s-%s-dispatch-%s-launcher" % (jdk, tag, source),
                                   "dispatcher, %s, ./s3notify, %s%s" % (label, words_label, suffix), "dispatch",
                                   [args.launcher] + words, dict(senv, **chosen), "webhook"))
    return found


def measure(args, found, workdir, notes):
    """A warm-up round (the launcher's first use, when it makes its archive), then interleaved rounds."""
    for c in found:
        if args.smoke and not c.key.endswith("-launcher"):
            continue  # only the launcher's first use matters there: it makes the archive the round then uses
        try:
            c.first_use = spawn_and_measure(c, workdir)
        except RuntimeError as e:
            c.errors.append("warm-up: " + str(e))
    order = [c for c in found if not c.errors]
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    shuffle = random.Random(seed)
    for r in range(args.rounds):
        shuffle.shuffle(order)
        for c in order:
            try:
                c.samples.append(spawn_and_measure(c, workdir))
            except RuntimeError as e:
                c.errors.append("round %d: %s" % (r + 1, e))
        print("round %d/%d done" % (r + 1, args.rounds), file=sys.stderr)
    notes.append("order shuffled each round with seed %d (--seed to repeat)" % seed)


def median(found, key, metric):
    for c in found:
        if c.key == key and c.samples:
            return stats(c)[metric]["median"]
    return None


def targets(args, found):
    """The issue's targets, each a ratio in this run with the shipped launcher on the current jar."""
    result = []
    for home in args.java_home:
        jdk = "jdk" + java_version(home).split(".")[0]
        link = median(found, jdk + "-current-link-launcher", "event")
        boto = median(found, "boto3-link", "event")
        if link is not None and boto is not None:
            result.append({"target": "link generator time-to-PutEvents ≤ 1.3× boto3 (%s)" % jdk,
                           "value": round(link / boto, 2), "limit": 1.3, "holds": link / boto <= 1.3})
        dispatch = median(found, jdk + "-current-dispatch-launcher", "event")
        floor = median(found, jdk + "-floor", "wall")
        if dispatch is not None and floor is not None:
            result.append({"target": "dispatcher time-to-POST ≤ 6× JVM floor (%s)" % jdk,
                           "value": round(dispatch / floor, 2), "limit": 6, "holds": dispatch / floor <= 6})
        for c in found:
            if c.key.startswith(jdk + "-current-") and c.key.endswith(("-launcher", "-options")) and c.samples:
                peak = stats(c)["rss"]["max"]
                result.append({"target": "peak RSS ≤ 128 MiB: " + c.label, "value": round(peak, 1),
                               "limit": 128, "holds": peak <= 128})
    size = os.path.getsize(args.jar)
    result.append({"target": "bundle ≤ 20 MB (20,000,000 bytes; it is %.1f MiB)" % (size / MIB),
                   "value": round(size / 1e6, 2), "limit": 20, "holds": size <= 20_000_000})
    return result


HEADER = ("what", "to event, ms", "event to exit, ms", "wall, ms", "CPU, ms", "peak RSS, MiB",
          "first use: event / wall, ms")


def rows(found):
    table = []
    for c in found:
        s = stats(c)
        first = ""
        if c.first_use and c.key.endswith("-launcher"):
            first = "%s / %.0f" % ("%.0f" % c.first_use["event"] if "event" in c.first_use else "–",
                                   c.first_use["wall"])
        if c.errors and not c.samples:
            table.append((c.label, "FAILED", "", "", "", "", ""))
            continue
        table.append((c.label, cell(s["event"]), cell(s["after"]), cell(s["wall"]), cell(s["cpu"]),
                      cell(s["rss"], 1), first))
    return table


def markdown(header, table):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in table]
    return "\n".join(lines)


def aligned(header, table):
    widths = [max(len(r[i]) for r in [header] + table) for i in range(len(header))]
    return "\n".join("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in [header] + table)


BURST_HEADER = ("burst", "this run", "ideal with digests", "ideal, one message per upload")


def burst_rows(burst):
    """The burst's figures beside the ideal its platform's limits allow (BurstFigures in core's tests)."""
    got, digest, single = burst["measured"], burst["idealDigest"], burst["idealPerUpload"]

    def line(label, key, fmt):
        return (label,) + tuple("" if d[key] is None else fmt % d[key] for d in (got, digest, single))
    return [line("messages sent", "messages", "%d"), line("429s met", "tooMany", "%d"),
            line("time to the last delivery, s (simulated)", "lastDeliverySeconds", "%.1f"),
            line("Lambda-seconds", "lambdaSeconds", "%.1f"), line("dead-lettered", "deadLettered", "%d"),
            line("invocations", "invocations", "%d")]


def burst_title(burst):
    t, p = burst["template"], burst["platform"]
    return ("%d uploads at once to a Discord-like webhook (%d requests per %g s, 429 beyond), queue path, the "
            "template's defaults (window %d s, batch %d, concurrency %d); simulated clock"
            % (burst["uploads"], p["requests"], p["perSeconds"], t["windowSeconds"], t["batchSize"],
               t["concurrency"]))


def report(args, found, goals, notes, started, burst):
    table = rows(found)
    stamp = started.strftime("%Y%m%dT%H%M%SZ") + ("-smoke" if args.smoke else "")
    if found:
        print(aligned(HEADER, table))
        print()
    if burst:
        print(burst_title(burst))
        print(aligned(BURST_HEADER, burst_rows(burst)))
        print()
    for g in goals:
        print("%s  %s: %s" % ("holds " if g["holds"] else "MISSED", g["target"], g["value"]))
    for n in notes:
        print("note: " + n)
    os.makedirs(args.results, exist_ok=True)
    base = os.path.join(args.results, stamp)
    document = {
        "started": started.isoformat(), "rounds": args.rounds, "smoke": args.smoke, "commit": args.commit,
        "host": {"cpus": os.cpu_count(), "machine": platform.machine(), "kernel": platform.release(),
                 "load": args.load},
        "jdks": [{"home": h, "version": java_version(h)} for h in args.java_home],
        "jars": [{"label": args.jar_label, "path": args.jar, "bytes": os.path.getsize(args.jar)}]
        + [{"label": label, "path": path, "bytes": os.path.getsize(path)} for label, path in args.baseline_jar],
        "python": args.python_label or None,
        "candidates": [{"key": c.key, "label": c.label, "group": c.group, "argv": c.argv[1:],
                        "stats": stats(c), "samples": c.samples, "firstUse": c.first_use, "errors": c.errors}
                       for c in found],
        "burst": burst, "targets": goals, "notes": notes}
    with open(base + ".json", "w") as f:
        json.dump(document, f, indent=1, ensure_ascii=False)
    with open(base + ".md", "w") as f:
        f.write("# Benchmark, %s UTC\n\n" % started.strftime("%Y-%m-%d %H:%M"))
        if found:
            f.write("%d round(s), fresh processes, interleaved; median (min–max). Commit %s; %d CPUs; load %s.\n\n"
                    % (args.rounds, args.commit, os.cpu_count(), args.load))
            f.write(markdown(HEADER, table) + "\n\n")
        if burst:
            f.write("Burst (commit %s): %s.\n\n" % (args.commit, burst_title(burst)))
            f.write(markdown(BURST_HEADER, burst_rows(burst)) + "\n\n")
        f.write("\n".join("- %s %s: %s (limit %s)" % ("holds:" if g["holds"] else "**missed**:", g["target"],
                                                     g["value"], g["limit"]) for g in goals) + "\n\n")
        f.write("\n".join("- " + n for n in notes) + "\n")
    print("wrote %s.json and %s.md" % (base, base))


def parse(argv):
    p = argparse.ArgumentParser(prog="benchmarks/harness.py")
    p.add_argument("--root", required=True)
    p.add_argument("--launcher", required=True)
    p.add_argument("--jar", required=True)
    p.add_argument("--jar-label", default="this branch")
    p.add_argument("--baseline-jar", nargs=2, action="append", default=[], metavar=("LABEL", "PATH"))
    p.add_argument("--java-home", action="append", required=True)
    p.add_argument("--floor-classes", required=True)
    p.add_argument("--object-event", required=True)
    p.add_argument("--link-event", required=True)
    p.add_argument("--python", default="")
    p.add_argument("--python-label", default="")
    p.add_argument("--python-note", default="")
    p.add_argument("--boto3-script", required=True)
    p.add_argument("--rounds", type=int, default=9)
    p.add_argument("--smoke", action="store_true")
    p.add_argument("--steps", action="store_true")
    p.add_argument("--secrets", action="store_true")
    p.add_argument("--seed", type=int)
    p.add_argument("--results", required=True)
    p.add_argument("--commit", default="?")
    p.add_argument("--burst", default="", help="the burst's figures, as core's BurstFigures writes them")
    p.add_argument("--burst-note", default="")
    p.add_argument("--burst-only", action="store_true")
    return p.parse_args(argv)


def main(argv):
    args = parse(argv)
    started = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    notes = [args.python_note] if args.python_note and not args.burst_only else []
    burst = None
    if args.burst:
        with open(args.burst) as f:
            burst = json.load(f)
    if args.burst_note:
        notes.append(args.burst_note)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    workdir = tempfile.mkdtemp(prefix="s3notify-bench-")
    try:
        found = [] if args.burst_only else candidates(args, server.server_address[1],
                                                      os.path.join(workdir, "cache"))
        load_before = os.getloadavg()[0]
        if found:
            measure(args, found, workdir, notes)
        args.load = "%.1f → %.1f" % (load_before, os.getloadavg()[0])
        goals = targets(args, found) if found else []
        broken = [c for c in found if c.errors]
        for c in broken:
            notes.append("%s: %s" % (c.label, "; ".join(c.errors)))
        report(args, found, goals, notes, started, burst)
    finally:
        server.shutdown()
        shutil.rmtree(workdir, ignore_errors=True)
    failed = [c for c in broken if c.group != "boto3"]
    if failed:
        print("benchmarks: %d of %d measured commands failed (notes above)" % (len(failed), len(found)),
              file=sys.stderr)
        return 1
    if args.burst_note.startswith("burst: FAILED"):
        print("benchmarks: the burst simulation failed (notes above)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
