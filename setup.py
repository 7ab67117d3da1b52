"""Copy templates/ and the example plans into the wheel (govplanner/_templates, _examples).

Everything else about the build lives in pyproject.toml. In a development checkout the
templates are read straight from templates/ (see govplanner.export.templating).
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithTemplates(build_py):
    def run(self) -> None:
        super().run()
        root = Path(__file__).resolve().parent
        package = Path(self.build_lib) / "govplanner"
        templates = root / "templates"
        if templates.is_dir():
            shutil.copytree(templates, package / "_templates", dirs_exist_ok=True)
        examples = root / "examples"
        if examples.is_dir():
            (package / "_examples").mkdir(parents=True, exist_ok=True)
            for plan in examples.glob("*.govplan"):
                shutil.copy2(plan, package / "_examples" / plan.name)
            for register in examples.glob("*.xlsx"):
                shutil.copy2(register, package / "_examples" / register.name)


setup(cmdclass={"build_py": BuildPyWithTemplates})
