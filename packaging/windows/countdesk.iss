; Inno Setup 6 script: the countdesk installer for Windows 10 and 11 (x64).
;
; Build the one-folder app first (packaging\README.md, "Windows"), then from the repository root:
;   iscc /DAppVersion=0.1.0 packaging\windows\countdesk.iss
; The installer is written to dist\installer\countdesk-0.1.0-setup.exe.
;
; Council IT can deploy it without anyone at the laptop (Intune, SCCM, a logon script):
;   countdesk-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /ALLUSERS /LOG=countdesk-setup.log
; After copying the files the installer runs `countdesk-cli.exe --self-test` (a few seconds, no
; window, no network). If the check fails, a silent install exits with code 10 and the log says why.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=0.1.0 packaging\windows\countdesk.iss
#endif

#define AppName "countdesk"
#define AppExe "countdesk.exe"
#define CliExe "countdesk-cli.exe"
#define AppFolder "..\..\dist\countdesk"
#define SelfTestFailedExitCode 10

[Setup]
; The AppId identifies countdesk to Windows across versions: never change it.
AppId={{6F0E2C6B-5B7A-4C1E-9F3D-2A8C4E7B1D95}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=countdesk developers
AppComments=Offline count-centre application for UK returning officers
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; For every user by default (IT installs it once per laptop); /CURRENTUSER installs it for one user.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=commandline dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist\installer
OutputBaseFilename=countdesk-{#AppVersion}-setup
SetupIconFile=..\icons\countdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
; A running countdesk holds its count file open: ask to close it rather than replace files under it.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program folder wholesale: no stale library from an older version stays.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#AppFolder}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Offline count-centre application"
Name: "{autoprograms}\{#AppName} demo count (Liverpool 2021)"; Filename: "{app}\{#AppExe}"; Parameters: "demo"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .countdesk count files open in countdesk (HKA: for all users or the current user, as installed).
Root: HKA; Subkey: "Software\Classes\.countdesk"; ValueType: string; ValueName: ""; ValueData: "countdesk.CountFile"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.countdesk\OpenWithProgids"; ValueType: string; ValueName: "countdesk.CountFile"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\countdesk.CountFile"; ValueType: string; ValueName: ""; ValueData: "countdesk count file"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\countdesk.CountFile\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\countdesk.CountFile\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" gui ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".countdesk"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
var
  SelfTestFailed: Boolean;

{ Prove the installed program works before anyone relies on it: open the demo count offscreen,
  tally it, print the declaration (countdesk-cli.exe --self-test). }
procedure RunSelfTest();
var
  ResultCode: Integer;
  Output: String;
  Report: AnsiString;
begin
  WizardForm.StatusLabel.Caption := 'Checking the installation (countdesk --self-test)...';
  Output := ExpandConstant('{tmp}\countdesk-self-test.txt');
  if not Exec(ExpandConstant('{cmd}'),
              '/C ""' + ExpandConstant('{app}\{#CliExe}') + '" --self-test > "' + Output + '" 2>&1"',
              ExpandConstant('{app}'), SW_HIDE, ewWaitUntilTerminated, ResultCode) then
    ResultCode := -1;
  Log('countdesk --self-test exit code: ' + IntToStr(ResultCode));
  if LoadStringFromFile(Output, Report) then
    Log(String(Report));
  if ResultCode <> 0 then
  begin
    SelfTestFailed := True;
    SuppressibleMsgBox('countdesk was installed, but its self-test failed (exit code ' + IntToStr(ResultCode) +
      '). Do not use this laptop for a count until it passes.' + #13#10#13#10 +
      'To see why, open a command prompt and run:' + #13#10 +
      '"' + ExpandConstant('{app}\{#CliExe}') + '" --self-test', mbError, MB_OK, IDOK);
  end;
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if CurStep = ssPostInstall then
    RunSelfTest();
end;

function GetCustomSetupExitCode(): Integer;
begin
  if SelfTestFailed then
    Result := {#SelfTestFailedExitCode}
  else
    Result := 0;
end;
