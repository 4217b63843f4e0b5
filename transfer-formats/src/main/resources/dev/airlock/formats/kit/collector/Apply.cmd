@echo off
rem Airlock apply mode launcher: right-click this file > "Run as administrator".
rem Installs the Confirmation IDs of this machine's file in AIRLOCK\kit (the activation
rem kit written by the appliance) and writes a result file to AIRLOCK\results.
rem Runs Collect.ps1 -Apply next to this file. "-ExecutionPolicy Bypass" applies to this one
rem PowerShell process only; the machine's execution policy is not changed.
setlocal
powershell.exe -NoProfile -ExecutionPolicy Bypass -File "%~dp0Collect.ps1" -Apply
set "RC=%ERRORLEVEL%"
echo.
echo Apply finished with exit code %RC% (0 means the result file was written; read the
echo lines above for each product).
if not "%RC%"=="0" echo Something went wrong: read the messages above. Did you choose "Run as administrator"?
echo.
pause
endlocal & exit /b %RC%
