<#
.SYNOPSIS
  Airlock collector kit: writes one record file for this lab machine.

.DESCRIPTION
  Reads the machine's identity and every licensing product that has a product key
  installed (Windows, Office), with its Installation ID, and writes them to
  ..\collected\<HostName>_<SmbiosUuid>.xml next to the kit folder on the lab stick.
  The Airlock lab appliance reads that file (format: collector-record-1.xsd,
  namespace urn:airlock:collector-record:1).

  If InstallKey.txt sits next to this script, its single line is a product key: the
  script installs it first (needs "Run as administrator"), then collects, because
  installing a key changes the Installation ID.

  The record holds identity data (host name, addresses, serial number). It stays in
  the lab, and so does the stick.

  Runs on Windows PowerShell 5.1 and, on Windows 7 without WMF 5.1, on PowerShell 2.0:
  no modules, no PowerShell 3+ syntax. Keep this file ASCII only (PowerShell 5.1 reads
  a script without a byte order mark as ANSI) and with CRLF line endings.

  Exit codes: 0 record written, 1 failed (the message says why), 2 -Apply requested.

.PARAMETER Apply
  Reserved for the activation kit (installs Confirmation IDs). Not in this version.
#>
param([switch]$Apply)

$ErrorActionPreference = 'Stop'

$CollectorVersion = '1.0.0'
$ns = 'urn:airlock:collector-record:1'

if ($Apply) {
    Write-Host 'Apply mode comes with the activation kit (not in this version).'
    exit 2
}

# --- Helpers --------------------------------------------------------------------

# The CIM cmdlets exist from PowerShell 3.0 on. Windows 7 ships with 2.0, which only has
# Get-WmiObject; both give objects with the same property names.
$UseCim = $null -ne (Get-Command Get-CimInstance -ErrorAction SilentlyContinue)

# All instances of a WMI class in root\cimv2, optionally with a WQL filter.
function Get-Instances([string]$Class, [string]$Filter) {
    $query = @{ ErrorAction = 'Stop' }
    if ($Filter) { $query['Filter'] = $Filter }
    if ($UseCim) {
        Get-CimInstance -ClassName $Class @query
    } else {
        Get-WmiObject -Class $Class @query
    }
}

# Calls a method on a WMI instance; throws unless it returns 0 (most failures throw anyway).
function Invoke-Method($Instance, [string]$Method, [hashtable]$Arguments) {
    if ($UseCim) {
        $call = @{ InputObject = $Instance; MethodName = $Method; ErrorAction = 'Stop' }
        if ($Arguments.Count -gt 0) { $call['Arguments'] = $Arguments }
        $code = (Invoke-CimMethod @call).ReturnValue
    } else {
        # Get-WmiObject objects take the arguments by position; the methods used here
        # have at most one.
        $code = $Instance.PSBase.InvokeMethod($Method, [object[]]@($Arguments.Values))
    }
    if ($null -ne $code -and $code -ne 0) {
        throw ($Method + ' failed with code ' + $code)
    }
}

# Trimmed text of a WMI value, or $null when it is null or blank. Control characters
# (some firmware pads serial numbers with them) are dropped: XML cannot hold them.
function Get-Text($Value) {
    if ($null -eq $Value) { return $null }
    $text = (([string]$Value) -replace '[\x00-\x08\x0B\x0C\x0E-\x1F]', '').Trim()
    if ($text.Length -eq 0) { return $null }
    return $text
}

# A WMI number as invariant-culture digits.
function Get-Number($Value) {
    if ($null -eq $Value) { return '' }
    return ([long]$Value).ToString([System.Globalization.CultureInfo]::InvariantCulture)
}

# ProductKeyChannel (e.g. Volume:MAK) exists from Windows 8 on. Older systems only have
# the channel at the end of Description ("..., VOLUME_MAK channel"): translate the common
# ones to the Windows 8 words and pass any other token through unchanged.
function Get-Channel($Product) {
    $channel = Get-Text $Product.ProductKeyChannel
    if ($channel) { return $channel }
    $description = Get-Text $Product.Description
    if ($description -and $description -match '([A-Za-z_]+) channel') {
        $token = $Matches[1].ToUpperInvariant()
        if ($token -eq 'VOLUME_MAK') { return 'Volume:MAK' }
        if ($token -eq 'VOLUME_KMSCLIENT') { return 'Volume:GVLK' }
        if ($token -eq 'RETAIL') { return 'Retail' }
        return $token
    }
    return 'Unknown'
}

# Replaces the product key in a message, so it is never shown in full.
function Hide-Key([string]$Text) {
    if ($script:ProductKey -and $Text) { return $Text.Replace($script:ProductKey, '*****') }
    return $Text
}

# --- Main -----------------------------------------------------------------------

$ProductKey = $null
$tmpPath = $null
$exitCode = 1

try {
    # The stick is laid out AIRLOCK\collector\ (this kit) and AIRLOCK\collected\ (records).
    $kitDir = Split-Path -Parent $MyInvocation.MyCommand.Path
    $stickDir = Split-Path -Parent $kitDir
    if (-not $stickDir) { $stickDir = $kitDir }
    $outDir = Join-Path $stickDir 'collected'
    if (-not (Test-Path -LiteralPath $outDir)) {
        New-Item -ItemType Directory -Path $outDir -Force | Out-Null
    }

    Write-Host ('Airlock collector ' + $CollectorVersion)

    # Step 1: optional key install from InstallKey.txt.
    $keyFile = Join-Path $kitDir 'InstallKey.txt'
    if (Test-Path -LiteralPath $keyFile) {
        foreach ($line in @(Get-Content -LiteralPath $keyFile)) {
            if ($line -and $line.Trim()) { $ProductKey = $line.Trim().ToUpperInvariant(); break }
        }
        if (-not $ProductKey -or $ProductKey -notmatch '^[A-Z0-9]{5}(-[A-Z0-9]{5}){4}$') {
            throw 'InstallKey.txt does not hold a product key on its first line (XXXXX-XXXXX-XXXXX-XXXXX-XXXXX).'
        }
        # Elevated? Asks by the built-in role rather than the group name 'Administrators',
        # which is translated on non-English Windows (e.g. 'Administratoren').
        $principal = [Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()
        if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
            throw 'InstallKey.txt is present, so the key must be installed, and that needs administrator rights. Right-click Collect.cmd and choose "Run as administrator".'
        }
        $lastFive = $ProductKey.Substring($ProductKey.Length - 5)
        Write-Host ('Installing the product key ending in ' + $lastFive + ' ...')
        $service = @(Get-Instances 'SoftwareLicensingService' $null)[0]
        Invoke-Method $service 'InstallProductKey' @{ ProductKey = $ProductKey }
        Invoke-Method $service 'RefreshLicenseStatus' @{}
        Write-Host 'Key installed.'
    }

    # Step 2: identity.
    $cs = @(Get-Instances 'Win32_ComputerSystem' $null)[0]
    $csp = @(Get-Instances 'Win32_ComputerSystemProduct' $null)[0]
    $os = @(Get-Instances 'Win32_OperatingSystem' $null)[0]
    $nics = @(Get-Instances 'Win32_NetworkAdapterConfiguration' 'IPEnabled=TRUE')

    $hostName = Get-Text $cs.Name
    if (-not $hostName) { throw 'Windows did not report a computer name.' }
    $domain = Get-Text $cs.Domain
    $partOfDomain = $cs.PartOfDomain
    $fqdn = $null
    if ($partOfDomain -eq $true -and $domain) {
        $dnsHost = Get-Text $cs.DNSHostName
        if (-not $dnsHost) { $dnsHost = $hostName }
        $fqdn = $dnsHost + '.' + $domain
    }
    $uuid = $null
    $serial = $null
    if ($csp) {
        $uuid = Get-Text $csp.UUID
        $serial = Get-Text $csp.IdentifyingNumber
    }

    $ips = New-Object System.Collections.ArrayList
    $macs = New-Object System.Collections.ArrayList
    foreach ($nic in $nics) {
        foreach ($ip in @($nic.IPAddress)) {
            $ipText = Get-Text $ip
            if ($ipText -and -not $ips.Contains($ipText) -and $ips.Count -lt 64) { [void]$ips.Add($ipText) }
        }
        $mac = Get-Text $nic.MACAddress
        if ($mac -and -not $macs.Contains($mac) -and $macs.Count -lt 64) { [void]$macs.Add($mac) }
    }
    Write-Host ('Computer: ' + $hostName)

    # Step 3: licensing products that have a key installed. This query can be slow.
    Write-Host 'Reading licensing information (this can take a minute) ...'
    $products = New-Object System.Collections.ArrayList
    foreach ($p in @(Get-Instances 'SoftwareLicensingProduct' 'PartialProductKey IS NOT NULL')) {
        if ($p) { [void]$products.Add(@{ Class = 'SoftwareLicensingProduct'; Wmi = $p }) }
    }
    # Office 2010 (and Office 2013/2016 on Windows 7) use their own licensing service,
    # OSPP. Its class only exists where OSPP is installed.
    try {
        foreach ($p in @(Get-Instances 'OfficeSoftwareProtectionProduct' 'PartialProductKey IS NOT NULL')) {
            if ($p) { [void]$products.Add(@{ Class = 'OfficeSoftwareProtectionProduct'; Wmi = $p }) }
        }
    } catch {
        Write-Host 'No Office Software Protection Platform here (normal unless Office 2010 is installed).'
    }
    if ($products.Count -gt 200) { throw ('Found ' + $products.Count + ' licensing products; a record holds at most 200.') }
    Write-Host ('Products with a key installed: ' + $products.Count)
    foreach ($entry in $products) {
        Write-Host ('  ' + $entry.Wmi.Name + ' (key ending in ' + $entry.Wmi.PartialProductKey + ')')
    }

    # Step 4: write the record to a temporary file, then rename it into place.
    $baseName = ($hostName + '_' + $(if ($uuid) { $uuid } else { 'no-uuid' })) -replace '[^A-Za-z0-9_.-]', '_'
    $finalPath = Join-Path $outDir ($baseName + '.xml')
    $tmpPath = Join-Path $outDir ($baseName + '.xml.tmp')
    $collected = (Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ', [System.Globalization.CultureInfo]::InvariantCulture)

    $settings = New-Object System.Xml.XmlWriterSettings
    $settings.Encoding = New-Object System.Text.UTF8Encoding -ArgumentList $false
    $settings.Indent = $true
    $w = [System.Xml.XmlWriter]::Create($tmpPath, $settings)
    try {
        $w.WriteStartDocument()
        $w.WriteStartElement('MachineRecord', $ns)
        $w.WriteAttributeString('formatVersion', '1')
        $w.WriteAttributeString('collectorVersion', $CollectorVersion)
        $w.WriteElementString('Collected', $ns, $collected)

        $w.WriteStartElement('Machine', $ns)
        $w.WriteElementString('HostName', $ns, $hostName)
        if ($domain) { $w.WriteElementString('Domain', $ns, $domain) }
        if ($null -ne $partOfDomain) {
            $w.WriteElementString('PartOfDomain', $ns, $(if ($partOfDomain) { 'true' } else { 'false' }))
        }
        if ($fqdn) { $w.WriteElementString('Fqdn', $ns, $fqdn) }
        if ($uuid) { $w.WriteElementString('SmbiosUuid', $ns, $uuid) }
        if ($serial) { $w.WriteElementString('SerialNumber', $ns, $serial) }
        $osCaption = Get-Text $os.Caption
        $osVersion = Get-Text $os.Version
        $osBuild = Get-Text $os.BuildNumber
        if ($osCaption) { $w.WriteElementString('OsCaption', $ns, $osCaption) }
        if ($osVersion) { $w.WriteElementString('OsVersion', $ns, $osVersion) }
        if ($osBuild) { $w.WriteElementString('OsBuild', $ns, $osBuild) }
        if ($ips.Count -gt 0) {
            $w.WriteStartElement('IpAddresses', $ns)
            foreach ($ip in $ips) { $w.WriteElementString('IpAddress', $ns, $ip) }
            $w.WriteEndElement()
        }
        if ($macs.Count -gt 0) {
            $w.WriteStartElement('MacAddresses', $ns)
            foreach ($mac in $macs) { $w.WriteElementString('MacAddress', $ns, $mac) }
            $w.WriteEndElement()
        }
        $w.WriteEndElement()

        $w.WriteStartElement('Products', $ns)
        foreach ($entry in $products) {
            $p = $entry.Wmi
            $w.WriteStartElement('Product', $ns)
            $w.WriteAttributeString('class', $entry.Class)
            # Required values are always written; empty if WMI gave nothing, so the
            # appliance can say which product is incomplete.
            $w.WriteElementString('ID', $ns, [string](Get-Text $p.ID))
            $w.WriteElementString('ApplicationID', $ns, [string](Get-Text $p.ApplicationID))
            $w.WriteElementString('Name', $ns, [string](Get-Text $p.Name))
            $description = Get-Text $p.Description
            if ($description) { $w.WriteElementString('Description', $ns, $description) }
            $w.WriteElementString('PartialProductKey', $ns, [string](Get-Text $p.PartialProductKey))
            $w.WriteElementString('ProductKeyID', $ns, [string](Get-Text $p.ProductKeyID))
            $w.WriteElementString('ProductKeyChannel', $ns, (Get-Channel $p))
            $w.WriteElementString('LicenseStatus', $ns, (Get-Number $p.LicenseStatus))
            $w.WriteElementString('GracePeriodRemaining', $ns, (Get-Number $p.GracePeriodRemaining))
            $w.WriteElementString('OfflineInstallationId', $ns, [string](Get-Text $p.OfflineInstallationId))
            $w.WriteEndElement()
        }
        $w.WriteEndElement()

        $w.WriteEndElement()
        $w.WriteEndDocument()
    } finally {
        $w.Close()
    }

    # Replaces the record of an earlier run on this machine (same file name).
    Move-Item -LiteralPath $tmpPath -Destination $finalPath -Force
    $tmpPath = $null
    Write-Host ('Record written: ' + $finalPath)
    $exitCode = 0
} catch {
    Write-Host ('FAILED: ' + (Hide-Key $_.Exception.Message)) -ForegroundColor Red
    if ($tmpPath -and (Test-Path -LiteralPath $tmpPath)) {
        Remove-Item -LiteralPath $tmpPath -Force -ErrorAction SilentlyContinue
    }
    $exitCode = 1
}
exit $exitCode
