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
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MIB = 1024 * 1024
BENCH_SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:s3notify-bench-webhook-AbCdEf"
METRICS = ("event", "after", "wall", "cpu", "rss")


class Stub(BaseHTTPRequestHandler):
    """EventBridge PutEvents and a webhook on one loopback port; each request is stamped on arrival."""
    protocol_version = "HTTP/1.1"
    hits = []
    webhook_url = ""  # what the secret stand-ins answer: the plain http webhook of this stub
    SECRETS = {
        "AmazonSSM.GetParameter": lambda url: {"Parameter": {
            "Name": "/s3notify/bench/webhook", "Type": "SecureString", "Value": url, "Version": 1,
            "ARN": "arn:aws:ssm:us-east-1:123456789012:parameter/s3notify/bench/webhook"}},
        "secretsmanager.GetSecretValue": lambda url: {
            "ARN": BENCH_SECRET_ARN, "Name": "s3notify-bench-webhook", "SecretString": url, "VersionId": "v1",
            "VersionStages": ["AWSCURRENT"]},
    }

    def do_POST(self):  # noqa: N802 (the http.server naming)
        arrived = time.perf_counter_ns()
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        target = self.headers.get("X-Amz-Target") or ""
        if target.endswith(".PutEvents"):
            kind, reply, ok = "putevents", *self.put_events(body)
        elif target in Stub.SECRETS:
            kind, ok = "secret", True
            reply = json.dumps(Stub.SECRETS[target](Stub.webhook_url)).encode()
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
        self.samples, self.first_use, self.errors, self.probe = [], None, [], None


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


def make_tls(workdir, homes, notes):
    """A test CA's certificate for 127.0.0.1, and per JDK a copy of its CA store with it added (the production
    cost of reading a full CA store kept). None, with a note, when openssl or keytool is missing."""
    cert, key = os.path.join(workdir, "bench-ca.pem"), os.path.join(workdir, "bench-ca.key")
    if not shutil.which("openssl"):
        notes.append("https: skipped, no openssl on PATH to make the test CA")
        return None
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "2", "-subj", "/CN=s3notify benchmark CA", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-addext", "basicConstraints=critical,CA:TRUE"], check=True, capture_output=True)
    stores = {}
    for home in homes:
        store = os.path.join(workdir, "cacerts-%d" % len(stores))
        shutil.copyfile(os.path.join(home, "lib", "security", "cacerts"), store)
        subprocess.run([os.path.join(home, "bin", "keytool"), "-importcert", "-noprompt", "-alias", "s3notify-bench",
                        "-file", cert, "-keystore", store, "-storepass", "changeit"], check=True, capture_output=True)
        stores[home] = store
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return {"cert": cert, "stores": stores, "context": context}


def lambda_options(template):
    """The JAVA_TOOL_OPTIONS the SAM template gives both functions (its Globals), as a list, and the default of its
    MemorySize parameter, the memory Lambda's container gives the JVM (MB)."""
    with open(template) as f:
        text = f.read()
    found = re.search(r"^\s+JAVA_TOOL_OPTIONS:\s*(.+)$", text, re.M)
    memory = re.search(r"^  MemorySize:\n(?:    .*\n)*?    Default: (\d+)$", text, re.M)
    if not found or not memory:
        raise SystemExit("benchmarks/harness.py: no JAVA_TOOL_OPTIONS or MemorySize default in %s" % template)
    return found.group(1).split(), int(memory.group(1))


def candidates(args, ports, cache, tls):
    """Everything to measure, in the warm-up order. Modes: plain `java -jar`; `lambda`, java -jar with the
    template's JAVA_TOOL_OPTIONS (what the functions run with on Lambda); the `./s3notify` launcher."""
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp"),
            "LANG": "C.UTF-8", "AWS_ACCESS_KEY_ID": "AKIDBENCHMARKEXAMPLE", "AWS_SECRET_ACCESS_KEY": "benchmark",
            "AWS_REGION": "us-east-1", "AWS_DEFAULT_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_CONFIG_FILE": os.path.join(cache, "no-aws-config"),
            "AWS_SHARED_CREDENTIALS_FILE": os.path.join(cache, "no-aws-credentials"),
            "S3NOTIFY_CACHE_DIR": cache}
    http = "http://127.0.0.1:%d" % ports["http"]
    Stub.webhook_url = http + "/webhook"
    nets = {"http": http}
    if tls:
        nets["https"] = "https://127.0.0.1:%d" % ports["https"]
    link = ["invoke", "link-generator", "--event", args.object_event]
    dispatch = ["invoke", "webhook-dispatcher", "--event", args.link_event]
    # The template's options, with the serial collector that Lambda's Java runtimes use by default (AWS's "Customize
    # Java runtime startup behavior" page), in the memory the function gets: this machine would pick G1 and size
    # the heap from its own 24 GiB, where the JVM in Lambda's container sizes it from the function's memory.
    template_options, memory = lambda_options(args.template)
    tool_options = template_options + ["-XX:+UseSerialGC", "-XX:MaxRAM=%dm" % memory]

    def link_env(net):
        return dict(base, AWS_ENDPOINT_URL_EVENTBRIDGE=nets[net], HEAD_OBJECT="never")

    def dispatch_env(net, source="url"):
        env = dict(base, WEBHOOK_KIND="discord", MAX_ATTEMPTS="1")
        if source == "parameter":
            env.update(WEBHOOK_URL_PARAMETER="/s3notify/bench/webhook", AWS_ENDPOINT_URL_SSM=nets[net])
        elif source == "secret":
            env.update(WEBHOOK_URL_SECRET_ARN=BENCH_SECRET_ARN, AWS_ENDPOINT_URL_SECRETS_MANAGER=nets[net])
        else:
            env.update(WEBHOOK_URL=nets[net] + "/webhook")
        return env

    routes = write_routes(os.path.dirname(cache), http) if args.routes else {}

    def routes_env(name):
        return dict(base, ROUTES_FILE=routes[name], MAX_ATTEMPTS="1", AWS_ENDPOINT_URL_SSM=http)

    # (function, network, webhook source, modes, in the smoke too): the variants measured per JDK
    variants = [("link", "http", "url", ("plain", "lambda", "launcher"), ("launcher",)),
                ("link", "https", "url", ("lambda",), ()),
                ("dispatch", "http", "url", ("plain", "lambda", "launcher"), ("launcher",)),
                ("dispatch", "https", "url", ("lambda", "launcher"), ("launcher",)),
                ("dispatch", "http", "parameter", ("lambda",), ()),
                ("dispatch", "http", "secret", ("lambda",), ())]
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
            for function, net, source, modes, smoke_modes in variants:
                if net not in nets or (tag != "current" and (net != "http" or source != "url")):
                    continue
                name = "link generator" if function == "link" else "dispatcher"
                awaits = "putevents" if function == "link" else "webhook"
                words = link if function == "link" else dispatch
                fenv = dict(link_env(net) if function == "link" else dispatch_env(net, source), **env)
                trust = ["-Djavax.net.ssl.trustStore=" + tls["stores"][home],
                         "-Djavax.net.ssl.trustStorePassword=changeit"] if net == "https" else []
                what = "" if (net, source) == ("http", "url") else " " + (net if source == "url" else
                                                                          "URL from " + source)
                for mode in modes:
                    if args.smoke and mode not in smoke_modes:
                        continue  # the smoke checks that the benchmark runs: the launcher and boto3 suffice
                    key = "%s-%s-%s-%s%s" % (jdk, tag, function, mode, what.replace(" ", "-").lower())
                    chosen = dict(fenv) if tag == "current" else dict(fenv, S3NOTIFY_JAR=jar)
                    if mode == "plain":
                        argv, how = [java] + trust + ["-jar", jar] + words, "plain java -jar"
                    elif mode == "lambda":
                        argv = [java] + tool_options + trust + ["-jar", jar] + words
                        how = "java %s -jar" % " ".join(tool_options)
                    else:
                        argv, how = [args.launcher] + words, "./s3notify"
                        if trust:
                            chosen["S3NOTIFY_JAVA_OPTS"] = " ".join(trust)
                    found.append(Candidate(key, "%s%s, %s, %s%s" % (name, what, label, how, suffix), function,
                                           argv, chosen, awaits))
            for name in routes if tag == "current" else ():
                found.append(Candidate("%s-current-dispatch-lambda-%s" % (jdk, name),
                                       "dispatcher, %s, %s, java %s -jar%s" % (ROUTE_LABELS[name], label,
                                                                               " ".join(tool_options), suffix),
                                       "dispatch", [java] + tool_options + ["-jar", jar] + dispatch,
                                       dict(routes_env(name), **env), "webhook"))
            if args.steps and tag == "current":
                for function, words, awaits in (("link", link, "putevents"), ("dispatch", dispatch, "webhook")):
                    name = "link generator" if function == "link" else "dispatcher"
                    fenv = dict(link_env("http") if function == "link" else dispatch_env("http"), **env)
                    found.append(Candidate("%s-%s-%s-noarchive" % (jdk, tag, function),
                                           "%s, %s, ./s3notify with S3NOTIFY_ARCHIVE=off%s" % (name, label, suffix),
                                           function, [args.launcher] + words, dict(fenv, S3NOTIFY_ARCHIVE="off"),
                                           awaits))
    anchors = []  # (key, label, group, argv, environment by network, CA variable, awaits)
    if args.python:
        anchors.append(("boto3-link", "link generator%s, Python boto3 (" + args.python_label + ")", "boto3",
                        [args.python, args.boto3_script, args.object_event], link_env, "AWS_CA_BUNDLE",
                        "putevents"))
    if args.go_dispatcher:
        anchors.append(("go-dispatch", "dispatcher%s, Go like the seed's (" + args.go_label + ")", "go",
                        [args.go_dispatcher, args.link_event],
                        lambda net: dict(base, WEBHOOK_URL=nets[net] + "/webhook"), "SSL_CERT_FILE", "webhook"))
    for key, label, group, argv, net_env, ca_variable, awaits in anchors:
        for net in nets:
            extra = {ca_variable: tls["cert"]} if net == "https" else {}
            found.append(Candidate(key + ("" if net == "http" else "-" + net),
                                   label % ("" if net == "http" else " " + net), group, argv,
                                   dict(net_env(net), **extra), awaits))
    return found


ROUTE_LABELS = {"routes-1": "1 route (ROUTES_FILE)", "routes-50": "50 routes (ROUTES_FILE, 1 matches)",
                "routes-50-ssm": "50 routes, URLs from SSM (1 matches)"}


def write_routes(workdir, http):
    """The --routes documents: one route; and 50 routes over the four bundled kinds, every fifth with templates of
    its own, of which only the first takes the benchmark's upload (the others filter on prefixes it lacks), their
    URLs inline or each from its own SSM parameter (the stub answers any name). Returns file paths by name."""
    kinds = ("discord", "slack", "teams", "generic")

    def route(i, ssm):
        r = {"name": "route-%02d" % i, "kind": kinds[i % len(kinds)]}
        if ssm:
            r["urlParameter"] = "/s3notify/bench/route-%02d" % i
        else:
            r["url"] = "%s/webhook/%02d" % (http, i)
        if i:
            r["filters"] = {"prefix": "team-%02d/" % i, "suffix": [".pdf", ".csv"], "eventType": "created"}
        if i % 5 == 4:  # a JSON-body kind's template must render JSON; the chat kinds take text
            r["template"] = ('{"text": "{{fileName}} is ready: {{fileUrl}}"}' if r["kind"] == "generic"
                             else "{{fileName}} ({{sizeText}}) is ready: {{fileUrl}}")
            files = ("{{count}} files are ready:{{#files}} {{fileName}} {{fileUrl}}{{/files}}"
                     "{{#hasIndex}} (all: {{indexUrl}}){{/hasIndex}}")
            r["digestTemplate"] = '{"text": "%s"}' % files if r["kind"] == "generic" else files.replace(
                "{{fileUrl}}", "{{{fileUrl}}}").replace("{{indexUrl}}", "{{{indexUrl}}}")
        return r

    documents = {"routes-1": [route(0, False)], "routes-50": [route(i, False) for i in range(50)],
                 "routes-50-ssm": [route(i, True) for i in range(50)]}
    paths = {}
    for name, document in documents.items():
        paths[name] = os.path.join(workdir, name + ".json")
        with open(paths[name], "w") as f:
            json.dump({"routes": document}, f, indent=1)
    return paths


def measure(args, found, workdir, notes):
    """A warm-up round (the launcher's first use, when it makes its archive), then interleaved rounds."""
    for c in found:
        if args.smoke and "-launcher" not in c.key:
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
    """Issue 18's targets, each a ratio of medians in this run: the dispatcher's time to its POST against the JVM
    floor, over http and https, with the template's options (as on Lambda) and through ./s3notify; the link
    generator's time to PutEvents against boto3's, with the template's options; peak RSS of every Java variant."""
    result = []

    def ratio(target, numerator, denominator, limit):
        if numerator is not None and denominator is not None:
            value = numerator / denominator
            result.append({"target": target, "value": round(value, 2), "limit": limit, "holds": value <= limit})

    for home in args.java_home:
        jdk = "jdk" + java_version(home).split(".")[0]
        floor = median(found, jdk + "-floor", "wall")
        for mode, how in (("lambda", "the template's JAVA_TOOL_OPTIONS"), ("launcher", "./s3notify")):
            for net in ("", "-https"):
                ratio("dispatcher time-to-POST%s ≤ 4× JVM floor, %s (%s)" % (net.replace("-", " over "), how, jdk),
                      median(found, "%s-current-dispatch-%s%s" % (jdk, mode, net), "event"), floor, 4)
        # The routes budget: 50 routes start within 2.5× the time to POST of one webhook (docs/performance.md).
        for name, single in (("routes-50", "lambda"), ("routes-50-ssm", "lambda-url-from-parameter")):
            ratio("dispatcher time-to-POST with %s ≤ 2.5× without routes (%s), the template's JAVA_TOOL_OPTIONS"
                  " (%s)" % (ROUTE_LABELS[name], "WEBHOOK_URL" if single == "lambda" else "WEBHOOK_URL_PARAMETER",
                             jdk), median(found, "%s-current-dispatch-lambda-%s" % (jdk, name), "event"),
                  median(found, "%s-current-dispatch-%s" % (jdk, single), "event"), 2.5)
        for net in ("", "-https"):
            ratio("link generator time-to-PutEvents%s ≤ 0.8× boto3, the template's JAVA_TOOL_OPTIONS (%s)"
                  % (net.replace("-", " over "), jdk),
                  median(found, "%s-current-link-lambda%s" % (jdk, net), "event"),
                  median(found, "boto3-link" + net, "event"), 0.8)
        for c in found:
            if c.key.startswith(jdk + "-current-") and c.samples:
                peak = stats(c)["rss"]["max"]
                result.append({"target": "peak RSS ≤ 128 MiB: " + c.label, "value": round(peak, 1),
                               "limit": 128, "holds": peak <= 128})
    package = os.path.join(os.path.dirname(args.jar), "s3-notify-lambda.jar")  # the template's CodeUri
    if os.path.exists(package):
        size = os.path.getsize(package)
        result.append({"target": "Lambda package ≤ 20 MB (s3-notify-lambda.jar, 20,000,000 bytes; it is %.1f MiB)"
                       % (size / MIB), "value": round(size / 1e6, 2), "limit": 20, "holds": size <= 20_000_000})
    return result


PROBE_YOUNG = 600  # MiB of young generation for the probe run, so that nothing is collected during it


def probe(args, found, workdir, notes):
    """One more run of each Java command, unmeasured, logging the classes it loads and its heap at exit: classes
    loaded, and bytes allocated (eden used at exit with a young generation no run fills), both load-robust."""
    for c in found:
        if c.group in ("boto3", "go") or not c.samples:
            continue
        classes, heap = os.path.join(workdir, c.key + ".classes"), os.path.join(workdir, c.key + ".heap")
        # The heap at exit is logged under gc+heap+exit up to Java 24 and gc+exit from Java 25 on.
        exit_tag = "gc+exit" if int(re.match(r"jdk(\d+)", c.key).group(1)) >= 25 else "gc+heap+exit"
        options = ["-Xlog:class+load=info:file=" + classes, "-Xlog:%s=info,gc=info:file=%s" % (exit_tag, heap),
                   "-XX:+UseSerialGC", "-Xmn%dm" % PROBE_YOUNG, "-Xms%dm" % (PROBE_YOUNG + 64),
                   "-Xmx%dm" % (PROBE_YOUNG + 128),  # over the lambda mode's MaxRAM-derived heap
                   "-XX:MetaspaceSize=512m",  # no collection for the metaspace's threshold either
                   "-XX:-UseTLAB"]  # the young generation's use is then what was allocated, no buffer reserved
        env = dict(c.env)
        if c.argv[0] == args.launcher:
            env["S3NOTIFY_JAVA_OPTS"] = (env.get("S3NOTIFY_JAVA_OPTS", "") + " " + " ".join(options)).strip()
            argv = c.argv
        else:
            argv = c.argv[:1] + options + c.argv[1:]
        probed = Candidate(c.key + "-probe", c.label, c.group, argv, env, c.awaits)
        try:
            spawn_and_measure(probed, workdir)
            with open(classes) as f:
                loaded = sum(1 for line in f if "class,load" in line)
            with open(heap) as f:
                log = f.read()
            young = re.search(r"(?:def new generation|DefNew)\s+total \d+K, used (\d+)K", log)
            c.probe = {"classes": loaded, "allocatedMiB": int(young.group(1)) / 1024 if young else None,
                       "collected": bool(re.search(r"Pause", log))}
        except (RuntimeError, OSError) as e:
            notes.append("%s: the classes/allocation probe failed: %s" % (c.label, e))


HEADER = ("what", "to event, ms", "event to exit, ms", "wall, ms", "CPU, ms", "peak RSS, MiB",
          "classes loaded", "allocated, MiB", "first use: event / wall, ms")


def rows(found):
    table = []
    for c in found:
        s = stats(c)
        first = ""
        if c.first_use and "-launcher" in c.key:
            first = "%s / %.0f" % ("%.0f" % c.first_use["event"] if "event" in c.first_use else "–",
                                   c.first_use["wall"])
        if c.errors and not c.samples:
            table.append((c.label, "FAILED", "", "", "", "", "", "", ""))
            continue
        loaded = allocated = ""
        if c.probe:
            loaded = "%d" % c.probe["classes"]
            if c.probe["allocatedMiB"] is not None:
                allocated = ("≥ %.0f" if c.probe["collected"] else "%.0f") % c.probe["allocatedMiB"]
        table.append((c.label, cell(s["event"]), cell(s["after"]), cell(s["wall"]), cell(s["cpu"]),
                      cell(s["rss"], 1), loaded, allocated, first))
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
            "template's defaults (digest window %d s, batching window %s s, batch %d, concurrency %d); simulated clock"
            % (burst["uploads"], p["requests"], p["perSeconds"], t["windowSeconds"], t.get("batchingSeconds", "?"),
               t["batchSize"], t["concurrency"]))


SIDE_HEADER = ("queue path, simulated", "this run", "target")


def side_rows(burst):
    """The lone upload's latency beside the bursts' figures (QueueSimulationTest), each with the issue's target."""
    got, window = burst["measured"], burst["template"]["windowSeconds"]
    rows = []
    lone = burst.get("lone")
    if lone:
        rows.append(("a lone upload: announced after its link event, s", "%.1f" % lone["announcedAfterSeconds"],
                     "<= %.1f" % lone["targetSeconds"]))
    rows += [("%d at once: messages" % burst["uploads"], "%d" % got["messages"], "1"),
             ("%d at once: last delivery, s" % burst["uploads"], "%.1f" % got["lastDeliverySeconds"],
              "<= %d (window + 30)" % (window + 30)),
             ("%d at once: 429s met" % burst["uploads"], "%d" % got["tooMany"], "<= 5")]
    spread = burst.get("spread")
    if spread:
        rows += [("%d over %d s: messages" % (spread["uploads"], spread["overSeconds"]), "%d" % spread["messages"],
                  "<= 1 + concurrency (%d)" % (1 + burst["template"]["concurrency"])),
                 ("%d over %d s: last delivery, s" % (spread["uploads"], spread["overSeconds"]),
                  "%.1f" % spread["lastDeliverySeconds"], "<= %d" % (spread["overSeconds"] + window + 30)),
                 ("%d over %d s: 429s met" % (spread["uploads"], spread["overSeconds"]), "%d" % spread["tooMany"],
                  "<= 5")]
    return rows


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
        print(aligned(SIDE_HEADER, side_rows(burst)))
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
                        "stats": stats(c), "samples": c.samples, "firstUse": c.first_use, "probe": c.probe,
                        "errors": c.errors}
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
            f.write(markdown(SIDE_HEADER, side_rows(burst)) + "\n\n")
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
    p.add_argument("--template", required=True, help="the SAM template, for its JAVA_TOOL_OPTIONS")
    p.add_argument("--go-dispatcher", default="")
    p.add_argument("--go-label", default="")
    p.add_argument("--go-note", default="")
    p.add_argument("--rounds", type=int, default=9)
    p.add_argument("--smoke", action="store_true")
    p.add_argument("--steps", action="store_true")
    p.add_argument("--seed", type=int)
    p.add_argument("--routes", action="store_true", help="also the dispatcher with 1 and 50 routes")
    p.add_argument("--results", required=True)
    p.add_argument("--commit", default="?")
    p.add_argument("--burst", default="", help="the burst's figures, as core's BurstFigures writes them")
    p.add_argument("--burst-note", default="")
    p.add_argument("--burst-only", action="store_true")
    return p.parse_args(argv)


def main(argv):
    args = parse(argv)
    started = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    notes = [n for n in (args.python_note, args.go_note) if n] if not args.burst_only else []
    burst = None
    if args.burst:
        with open(args.burst) as f:
            burst = json.load(f)
    if args.burst_note:
        notes.append(args.burst_note)
    workdir = tempfile.mkdtemp(prefix="s3notify-bench-")
    servers = [ThreadingHTTPServer(("127.0.0.1", 0), Stub)]
    tls = None if args.burst_only else make_tls(workdir, args.java_home, notes)
    if tls:
        secure = ThreadingHTTPServer(("127.0.0.1", 0), Stub)
        secure.socket = tls["context"].wrap_socket(secure.socket, server_side=True)
        servers.append(secure)
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    ports = {"http": servers[0].server_address[1]}
    if tls:
        ports["https"] = servers[1].server_address[1]
    try:
        found = [] if args.burst_only else candidates(args, ports, os.path.join(workdir, "cache"), tls)
        load_before = os.getloadavg()[0]
        if found:
            measure(args, found, workdir, notes)
            probe(args, found, workdir, notes)
        args.load = "%.1f → %.1f" % (load_before, os.getloadavg()[0])
        goals = targets(args, found) if found else []
        broken = [c for c in found if c.errors]
        for c in broken:
            notes.append("%s: %s" % (c.label, "; ".join(c.errors)))
        report(args, found, goals, notes, started, burst)
    finally:
        for server in servers:
            server.shutdown()
        shutil.rmtree(workdir, ignore_errors=True)
    failed = [c for c in broken if c.group not in ("boto3", "go")]
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
