; Desk for Windows: Inno Setup 6 script. Installs the PyInstaller bundle that installer/desk.spec builds
; (build\dist\desk, layout in installer/layout.py) — .github/workflows/windows.yml builds both on a Windows
; runner:  iscc installer\windows\desk.iss   → build\desk-<version>-setup.exe
;
; Per-user (no administrator rights, %LOCALAPPDATA%\Programs\Desk) or per-machine (%ProgramFiles%\Desk):
; the installer asks. Start menu entry; .deskcase files (desk-case/1 JSON) open in Desk, and "Open with" offers
; Desk for .json. Uninstalling removes the program only: the users' data (%LOCALAPPDATA%\Desk — database,
; evidence store, settings) stays where it is.

#define AppName "Desk"
#define AppVersion "0.1.0"
#define Bundle "..\..\build\dist\desk"
#define Resources "..\..\resources"
#define ProgId "Desk.Case"

[Setup]
AppId={{6B7B04C1-1EFB-4057-9464-C4A67E6EB14F}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Desk
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir=..\..\build
OutputBaseFilename=desk-{#AppVersion}-setup
SetupIconFile={#Resources}\desk.ico
UninstallDisplayIcon={app}\desk.exe
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "association"; Description: "Open desk-case files (.deskcase) with Desk"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#Bundle}\desk.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\deskw.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Resources}\desk.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\deskw.exe"; IconFilename: "{app}\desk.ico"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\deskw.exe"; IconFilename: "{app}\desk.ico"; Tasks: desktopicon

[Registry]
; HKA: HKEY_LOCAL_MACHINE for a per-machine install, HKEY_CURRENT_USER for a per-user one
Root: HKA; Subkey: "Software\Classes\.deskcase"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: association
Root: HKA; Subkey: "Software\Classes\.deskcase\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Desk case file (desk-case/1)"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\desk.ico,0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\deskw.exe"" gui ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\deskw.exe\SupportedTypes"; ValueType: string; ValueName: ".deskcase"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\deskw.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: only what [Files] installed under {app} is removed; %LOCALAPPDATA%\Desk is kept.
