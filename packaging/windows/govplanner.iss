; Inno Setup script for the Windows installer of govplanner. NOT BUILT OR TESTED on the machine
; where this repository is developed (Linux): a maintainer compiles it on Windows after
; `py -3.11 packaging\build.py` has produced and smoke-tested dist\govplanner\, and after the
; executables in it have been signed (see packaging\README.md):
;
;   iscc "/Ssigntool=signtool.exe sign /fd SHA256 /tr http://timestamp.example /td SHA256 /a $f" ^
;        /DSignToolName=signtool packaging\windows\govplanner.iss
;
; (the timestamp URL is your certificate authority's). With SignToolName defined, Inno Setup
; signs the installer and the uninstaller it writes; without it, it builds them unsigned.
; The version comes from build\version.iss, which build.py writes from the package's one
; version (src\govplanner\__init__.py); /DAppVersion=X.Y.Z overrides it.
;
; Output: dist\govplanner-VERSION-setup.exe. IT departments can install silently with
;   govplanner-VERSION-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /ALLUSERS /NORESTART
;
; Where it installs: for one user (the default, no admin rights) in
; %LOCALAPPDATA%\Programs\govplanner; for all users (/ALLUSERS, admin) in
; %ProgramFiles%\govplanner. AppLocker's default rules allow programs only under %ProgramFiles%
; and %WINDIR%, and WDAC policies usually trust by signer: where either is enforced, install for
; all users, or allow the signed govplanner.exe and govplanner-cli.exe (and the DLLs and .pyd
; files in _internal, which carry no signature of their own unless signed too) by publisher
; rule for the certificate they are signed with, product "govplanner".

#ifndef AppVersion
  #include "..\..\build\version.iss"
#endif
#ifndef AppVersion
  #error build\version.iss sets no AppVersion: run packaging\build.py first
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
; Per-user install without admin rights by default ({autopf} is then
; %LOCALAPPDATA%\Programs); IT can choose all users (/ALLUSERS: %ProgramFiles%).
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
; Windows 10 1809 or later: the oldest Windows the bundled Qt 6 supports.
MinVersion=10.0.17763
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
LicenseFile=..\..\LICENSE
#ifdef SignToolName
SignTool={#SignToolName}
SignedUninstaller=yes
#endif

[Files]
Source: "..\..\dist\govplanner\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; THIRD-PARTY-NOTICES.txt, LICENSE.txt and BUILD-VERSIONS.txt come with the bundle above.

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
