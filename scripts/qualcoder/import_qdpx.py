#!/usr/bin/env python3
"""Loads a .qdpx with QualCoder's own REFI-QDA project importer, headless, and prints what
QualCoder's database then holds, as JSON.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/qualcoder/import_qdpx.py <qualcoder-src> <file.qdpx>

<qualcoder-src> is a QualCoder checkout (its src/qualcoder) or the vendored copy in
third_party/qualcoder (its qualcoder/). Needs PyQt6 (Debian: python3-pyqt6), nothing else.

What is QualCoder's own code, run unchanged: the project database is created by the CREATE
TABLE statements of QualCoder's MainWindow.new_project (read out of its __main__.py, not
copied here), and the import is refi.RefiImport(app, textedit, "qdpx") - its __init__ and
import_project exactly as the "Import REFI-QDA project" menu runs them. What is stood in for:
the file dialog (answers with <file.qdpx>), the final message box, and qualcoder.helpers
(which pulls in PDF, image and media libraries the REFI importer does not use; it only uses
helpers.Message for that message box).
"""
import ast
import builtins
import json
import os
import sqlite3
import sys
import tempfile
import traceback
import types
from pathlib import Path


def package_dir(src: Path) -> Path:
    for candidate in (src / "src" / "qualcoder", src / "qualcoder"):
        if (candidate / "refi.py").is_file():
            return candidate
    raise SystemExit(f"no qualcoder/refi.py under {src}")


def create_table_statements(main_py: Path) -> list[str]:
    """The CREATE TABLE statements MainWindow.new_project executes, in order."""
    tree = ast.parse(main_py.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "new_project":
            out = []
            for call in ast.walk(node):
                if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "execute"
                        and call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)
                        and call.args[0].value.lstrip().upper().startswith("CREATE TABLE")):
                    out.append((call.lineno, call.args[0].value))
            return [s for _, s in sorted(out)]
    raise SystemExit(f"no new_project in {main_py}")


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    pkg = package_dir(Path(sys.argv[1]).resolve())
    qdpx = Path(sys.argv[2]).resolve()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    builtins._ = lambda s: s  # QualCoder installs gettext's _ at start-up

    from PyQt6 import QtWidgets

    # qualcoder as a package without running its GUI start-up; helpers replaced (see above).
    package = types.ModuleType("qualcoder")
    package.__path__ = [str(pkg)]
    sys.modules["qualcoder"] = package
    helpers = types.ModuleType("qualcoder.helpers")

    class Message:
        def __init__(self, app, title, text, icon=None):
            self.text = text

        def exec(self):
            return 0

    helpers.Message = Message
    sys.modules["qualcoder.helpers"] = helpers
    from qualcoder import refi  # noqa: E402

    qt = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    work = Path(tempfile.mkdtemp(prefix="qualcoder-"))
    project_path = work / "imported.qda"
    os.makedirs(project_path / "documents")
    for sub in ("images", "audio", "video"):
        os.makedirs(project_path / sub)
    conn = sqlite3.connect(project_path / "data.qda")
    cur = conn.cursor()
    for statement in create_table_statements(pkg / "__main__.py"):
        cur.execute(statement)
    cur.execute("INSERT INTO project VALUES(?,?,?,?,?,?,?,?,null,null,null)", ("v17", "2026-01-01 00:00:00", "", "test", 0, 0, "default", ""))
    conn.commit()

    class App:
        def __init__(self):
            self.conn = conn
            self.project_path = str(project_path)
            self.project_name = "imported.qda"
            self.settings = {"directory": str(work), "codername": "default", "ai_enable": "False"}
            self.ai_models = []
            self.project_events = None

        def write_config_ini(self, *args):
            pass

    log = QtWidgets.QTextEdit()
    # The .qdpx is copied into the work folder: the importer unzips it beside itself.
    target = work / qdpx.name
    target.write_bytes(qdpx.read_bytes())
    QtWidgets.QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: (str(target), "(*.qdpx *.QDPX)"))
    result = {"ok": True}
    try:
        refi.RefiImport(App(), log, "qdpx")
    except Exception as e:  # the importer's own failure is the finding
        result = {"ok": False, "error": f"{type(e).__name__}: {e}", "traceback": traceback.format_exc()}

    def one(sql, *args):
        return cur.execute(sql, args).fetchone()[0]

    memo = lambda table: one(f"select count(*) from {table} where memo is not null and trim(memo) <> ''")
    result["counts"] = {
        "sources": one("select count(*) from source"),
        "codes": one("select count(*) from code_name"),
        "categories": one("select count(*) from code_cat"),
        "codings": one("select count(*) from code_text"),
        "cases": one("select count(*) from cases"),
        "caseTexts": one("select count(*) from case_text"),
        "journals": one("select count(*) from journal"),
        "annotations": one("select count(*) from annotation"),
        "attributeTypes": one("select count(*) from attribute_type"),
        "attributes": one("select count(*) from attribute where value is not null and value <> ''"),
        "memos": {
            "project": one("select count(*) from project where memo is not null and trim(memo) <> ''"),
            "source": memo("source"),
            "code": memo("code_name"),
            "coding": memo("code_text"),
            "case": memo("cases"),
            "journal": one("select count(*) from journal where trim(coalesce(jentry, '')) <> ''"),
            "annotation": memo("annotation"),
        },
    }
    result["codingsByOwner"] = dict(cur.execute("select owner, count(*) from code_text group by owner order by owner").fetchall())
    result["codings"] = [list(r) for r in cur.execute(
        "select s.name, c.name, t.owner, t.pos0, t.pos1, t.seltext from code_text t join source s on s.id = t.fid join code_name c on c.cid = t.cid order by s.name, t.pos0, t.pos1, c.name, t.owner").fetchall()]
    result["caseTextRows"] = [list(r) for r in cur.execute(
        "select c.name, s.name, t.pos0, t.pos1 from case_text t join cases c on c.caseid = t.caseid join source s on s.id = t.fid order by c.name, s.name, t.pos0").fetchall()]
    result["log"] = log.toPlainText()
    # The last line of stdout (QualCoder's modules print notes of their own).
    print("\n" + json.dumps(result, ensure_ascii=False))
    conn.close()
    del qt
    return 0


if __name__ == "__main__":
    sys.exit(main())
