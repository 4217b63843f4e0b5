@echo off
rem Airlock collector kit launcher: double-click this file (or right-click >
rem "Run as administrator" when InstallKey.txt is present).
rem Runs Collect.ps1 next to this file. "-ExecutionPolicy Bypass" applies to this one
rem PowerShell process only; the machine's execution policy is not changed.
rem Arguments are passed through (e.g. -Apply).
setlocal
powershell.exe -NoProfile -ExecutionPolicy Bypass -File "%~dp0Collect.ps1" %*
set "RC=%ERRORLEVEL%"
echo.
echo Collector finished with exit code %RC% (0 means the record was written).
if not "%RC%"=="0" echo Something went wrong: read the messages above.
echo.
pause
endlocal & exit /b %RC%
