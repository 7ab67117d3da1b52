; Inno Setup script for the Windows installer of govplanner. NOT BUILT OR TESTED on the machine
; where this repository is developed (Linux): a maintainer compiles it on Windows after
; `py -3.11 packaging\build.py` has produced and smoke-tested dist\govplanner\, and after the
; executables have been signed (see packaging\README.md):
;
;   iscc /DAppVersion=0.1.0 packaging\windows\govplanner.iss
;
; Output: dist\govplanner-0.1.0-setup.exe. Sign it too. IT departments can install silently with
;   govplanner-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /ALLUSERS /NORESTART

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z govplanner.iss
#endif

[Setup]
; Never change AppId: Windows uses it to recognise upgrades of the same application.
AppId={{30A4B257-2418-470A-8FA4-4E4C6FF6C2CA}
AppName=govplanner
AppVersion={#AppVersion}
AppVerName=govplanner {#AppVersion}
AppPublisher=govplanner contributors
DefaultDirName={autopf}\govplanner
DefaultGroupName=govplanner
DisableProgramGroupPage=yes
; Per-user install without admin rights by default; IT can choose all users (/ALLUSERS).
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
SetupIconFile=..\icons\govplanner.ico
UninstallDisplayIcon={app}\govplanner.exe
OutputDir=..\..\dist
OutputBaseFilename=govplanner-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Files]
Source: "..\..\dist\govplanner\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\govplanner"; Filename: "{app}\govplanner.exe"
Name: "{autodesktop}\govplanner"; Filename: "{app}\govplanner.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Registry]
; .govplan files open in govplanner (HKA: the current user's or all users' classes, matching
; the install mode). The ProgID is removed on uninstall; the extension only loses our entry.
Root: HKA; Subkey: "Software\Classes\.govplan\OpenWithProgids"; ValueType: string; ValueName: "govplanner.plan"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.govplan"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-govplanner-plan"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\govplanner.plan"; ValueType: string; ValueName: ""; ValueData: "govplanner plan"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\govplanner.plan\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\govplanner.exe,0"
Root: HKA; Subkey: "Software\Classes\govplanner.plan\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\govplanner.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\govplanner.exe\SupportedTypes"; ValueType: string; ValueName: ".govplan"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\govplanner.exe"; Description: "{cm:LaunchProgram,govplanner}"; Flags: nowait postinstall skipifsilent
