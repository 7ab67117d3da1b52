"""Copy the top-level templates/ folder into the wheel as govplanner/_templates.

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
        source = Path(__file__).resolve().parent / "templates"
        if source.is_dir():
            target = Path(self.build_lib) / "govplanner" / "_templates"
            shutil.copytree(source, target, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildPyWithTemplates})
