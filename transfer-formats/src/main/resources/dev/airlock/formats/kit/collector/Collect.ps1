<#
.SYNOPSIS
  Airlock collector kit: writes one record file for this lab machine, or (-Apply) installs
  its Confirmation IDs from the activation kit and writes a result file.

.DESCRIPTION
  Collect mode (default): reads the machine's identity and every licensing product that has
  a product key installed (Windows, Office), with its Installation ID, and writes them to
  ..\collected\<HostName>_<SmbiosUuid>.xml next to the kit folder on the lab stick.
  The Airlock lab appliance reads that file (format: collector-record-1.xsd,
  namespace urn:airlock:collector-record:1).

  If InstallKey.txt sits next to this script, its single line is a product key: the
  script installs it first (needs "Run as administrator"), then collects, because
  installing a key changes the Installation ID.

  Apply mode (-Apply, started by Apply.cmd, needs "Run as administrator"): finds this
  machine's file in ..\kit\ (activation-kit-1.xsd; matched by SMBIOS UUID, then by host
  name). For each product in it: when the machine still reports exactly the kit's
  Installation ID, calls DepositOfflineConfirmationId(IID, CID) on that product, else skips
  it ("IID changed, re-collect"). Then SoftwareLicensingService.RefreshLicenseStatus,
  re-reads LicenseStatus and writes ..\results\<HostName>_<SmbiosUuid>_<time>.xml
  (apply-result-1.xsd, namespace urn:airlock:apply-result:1): the outcome per product plus
  a fresh collection of the machine (the same MachineRecord collect mode writes).

  Records, kit and result files hold identity data (host name, addresses, serial number).
  They stay in the lab, and so does the stick.

  Runs on Windows PowerShell 5.1 and, on Windows 7 without WMF 5.1, on PowerShell 2.0:
  no modules, no PowerShell 3+ syntax. Keep this file ASCII only (PowerShell 5.1 reads
  a script without a byte order mark as ANSI) and with CRLF line endings.

  Exit codes: 0 record (or result) written, 1 failed (the message says why).

.PARAMETER Apply
  Install the Confirmation IDs of the activation kit (AIRLOCK\kit) and write a result file.
#>
param([switch]$Apply)

$ErrorActionPreference = 'Stop'

$CollectorVersion = '1.1.0'
$ns = 'urn:airlock:collector-record:1'
$kns = 'urn:airlock:activation-kit:1'
$rns = 'urn:airlock:apply-result:1'

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

# Whether this process runs elevated. Asks by the built-in role rather than the group
# name 'Administrators', which is translated on non-English Windows (e.g. 'Administratoren').
function Test-Admin {
    $principal = [Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()
    return $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
}

# An unsigned 32-bit code as 0x + 8 hex digits (HRESULTs arrive as negative Int32).
function Format-Code($Code) {
    $n = [long]$Code
    if ($n -lt 0) { $n += 4294967296 }
    return '0x' + $n.ToString('X8', [System.Globalization.CultureInfo]::InvariantCulture)
}

# The licensing error code inside a failed WMI call: the CIM error's error_Code, a COM
# HRESULT (PowerShell 2.0), a 0x........ in the message, or the exception's HResult.
function Get-ErrorCode($Exception) {
    $e = $Exception
    while ($null -ne $e) {
        if ($e.PSObject.Properties['ErrorData'] -and $e.ErrorData) {
            $property = $e.ErrorData.CimInstanceProperties['error_Code']
            if ($property -and $null -ne $property.Value) { return [long]$property.Value }
        }
        if ($e -is [System.Runtime.InteropServices.COMException]) { return [long]$e.ErrorCode }
        if ($e.Message -match '0x([0-9A-Fa-f]{8})') { return [Convert]::ToInt64($Matches[1], 16) }
        $e = $e.InnerException
    }
    if ($Exception.PSObject.Properties['HResult'] -and $Exception.HResult) { return [long]$Exception.HResult }
    return 2147500037
}

# Calls DepositOfflineConfirmationId(InstallationId, ConfirmationId) on a product instance.
# Returns @{ Code = <number>; Message = <text or $null> }; never throws.
function Invoke-Deposit($Product, [string]$Iid, [string]$Cid) {
    try {
        if ($UseCim) {
            $arguments = @{ InstallationId = $Iid; ConfirmationId = $Cid }
            $code = (Invoke-CimMethod -InputObject $Product -MethodName 'DepositOfflineConfirmationId' -Arguments $arguments -ErrorAction Stop).ReturnValue
        } else {
            # by position, in the method's order: InstallationId, ConfirmationId
            $code = $Product.PSBase.InvokeMethod('DepositOfflineConfirmationId', [object[]]@($Iid, $Cid))
        }
        if ($null -eq $code) { $code = 0 }
        return @{ Code = [long]$code; Message = $null }
    } catch {
        return @{ Code = (Get-ErrorCode $_.Exception); Message = (Get-Text $_.Exception.Message) }
    }
}

# The machine's identity (Win32_ComputerSystem, _ComputerSystemProduct, _OperatingSystem,
# _NetworkAdapterConfiguration) as a hashtable.
function Get-Machine {
    $cs = @(Get-Instances 'Win32_ComputerSystem' $null)[0]
    $csp = @(Get-Instances 'Win32_ComputerSystemProduct' $null)[0]
    $os = @(Get-Instances 'Win32_OperatingSystem' $null)[0]
    $nics = @(Get-Instances 'Win32_NetworkAdapterConfiguration' 'IPEnabled=TRUE')

    $m = @{}
    $m.HostName = Get-Text $cs.Name
    if (-not $m.HostName) { throw 'Windows did not report a computer name.' }
    $m.Domain = Get-Text $cs.Domain
    $m.PartOfDomain = $cs.PartOfDomain
    $m.Fqdn = $null
    if ($m.PartOfDomain -eq $true -and $m.Domain) {
        $dnsHost = Get-Text $cs.DNSHostName
        if (-not $dnsHost) { $dnsHost = $m.HostName }
        $m.Fqdn = $dnsHost + '.' + $m.Domain
    }
    $m.Uuid = $null
    $m.Serial = $null
    if ($csp) {
        $m.Uuid = Get-Text $csp.UUID
        $m.Serial = Get-Text $csp.IdentifyingNumber
    }
    $m.OsCaption = Get-Text $os.Caption
    $m.OsVersion = Get-Text $os.Version
    $m.OsBuild = Get-Text $os.BuildNumber

    $m.Ips = New-Object System.Collections.ArrayList
    $m.Macs = New-Object System.Collections.ArrayList
    foreach ($nic in $nics) {
        foreach ($ip in @($nic.IPAddress)) {
            $ipText = Get-Text $ip
            if ($ipText -and -not $m.Ips.Contains($ipText) -and $m.Ips.Count -lt 64) { [void]$m.Ips.Add($ipText) }
        }
        $mac = Get-Text $nic.MACAddress
        if ($mac -and -not $m.Macs.Contains($mac) -and $m.Macs.Count -lt 64) { [void]$m.Macs.Add($mac) }
    }
    return $m
}

# Licensing products that have a key installed, as @{ Class; Wmi }. This query can be slow.
function Get-Products {
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
    return ,$products
}

# The file name part for this machine: <HostName>_<SmbiosUuid> (or _no-uuid).
function Get-BaseName($Machine) {
    return ($Machine.HostName + '_' + $(if ($Machine.Uuid) { $Machine.Uuid } else { 'no-uuid' })) -replace '[^A-Za-z0-9_.-]', '_'
}

# UTC now as 2026-11-22T10:15:30Z.
function Get-UtcNow {
    return (Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ', [System.Globalization.CultureInfo]::InvariantCulture)
}

# An XmlWriter to a new file: UTF-8 without BOM, indented.
function New-XmlWriter([string]$Path) {
    $settings = New-Object System.Xml.XmlWriterSettings
    $settings.Encoding = New-Object System.Text.UTF8Encoding -ArgumentList $false
    $settings.Indent = $true
    return [System.Xml.XmlWriter]::Create($Path, $settings)
}

# Writes the MachineRecord element (collector-record-1.xsd): identity and products.
function Write-MachineRecord($w, $Machine, $Products, [string]$Collected) {
    $w.WriteStartElement('MachineRecord', $ns)
    $w.WriteAttributeString('formatVersion', '1')
    $w.WriteAttributeString('collectorVersion', $CollectorVersion)
    $w.WriteElementString('Collected', $ns, $Collected)

    $w.WriteStartElement('Machine', $ns)
    $w.WriteElementString('HostName', $ns, $Machine.HostName)
    if ($Machine.Domain) { $w.WriteElementString('Domain', $ns, $Machine.Domain) }
    if ($null -ne $Machine.PartOfDomain) {
        $w.WriteElementString('PartOfDomain', $ns, $(if ($Machine.PartOfDomain) { 'true' } else { 'false' }))
    }
    if ($Machine.Fqdn) { $w.WriteElementString('Fqdn', $ns, $Machine.Fqdn) }
    if ($Machine.Uuid) { $w.WriteElementString('SmbiosUuid', $ns, $Machine.Uuid) }
    if ($Machine.Serial) { $w.WriteElementString('SerialNumber', $ns, $Machine.Serial) }
    if ($Machine.OsCaption) { $w.WriteElementString('OsCaption', $ns, $Machine.OsCaption) }
    if ($Machine.OsVersion) { $w.WriteElementString('OsVersion', $ns, $Machine.OsVersion) }
    if ($Machine.OsBuild) { $w.WriteElementString('OsBuild', $ns, $Machine.OsBuild) }
    if ($Machine.Ips.Count -gt 0) {
        $w.WriteStartElement('IpAddresses', $ns)
        foreach ($ip in $Machine.Ips) { $w.WriteElementString('IpAddress', $ns, $ip) }
        $w.WriteEndElement()
    }
    if ($Machine.Macs.Count -gt 0) {
        $w.WriteStartElement('MacAddresses', $ns)
        foreach ($mac in $Machine.Macs) { $w.WriteElementString('MacAddress', $ns, $mac) }
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('Products', $ns)
    foreach ($entry in $Products) {
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
}

# The text of a kit element's child in the kit namespace, or $null.
function Get-KitText($Node, [string]$Name) {
    $child = $Node.Item($Name, $kns)
    if ($null -eq $child) { return $null }
    return Get-Text $child.InnerText
}

# Loads a kit file without resolving anything external; $null when it is not a kit.
function Read-KitFile([string]$Path) {
    try {
        $doc = New-Object System.Xml.XmlDocument
        $doc.XmlResolver = $null
        $doc.Load($Path)
        $root = $doc.DocumentElement
        if ($root.LocalName -ne 'ActivationKit' -or $root.NamespaceURI -ne $kns) { return $null }
        if ($root.GetAttribute('formatVersion') -ne '1') { return $null }
        return $root
    } catch {
        Write-Host ('Ignoring ' + $Path + ': ' + $_.Exception.Message)
        return $null
    }
}

# This machine's kit file: same SMBIOS UUID first, else same host name.
function Find-Kit([string]$KitDir, $Machine) {
    $byHost = $null
    foreach ($file in @(Get-ChildItem -LiteralPath $KitDir -Filter '*.xml' -ErrorAction Stop)) {
        if (-not $file -or $file.PSIsContainer) { continue }
        $kit = Read-KitFile $file.FullName
        if (-not $kit) { continue }
        $kitMachine = $kit.Item('Machine', $kns)
        $kitUuid = Get-KitText $kitMachine 'SmbiosUuid'
        $kitHost = Get-KitText $kitMachine 'HostName'
        if ($Machine.Uuid -and $kitUuid -and $kitUuid.ToUpperInvariant() -eq $Machine.Uuid.ToUpperInvariant()) {
            return @{ File = $file; Kit = $kit }
        }
        if (-not $byHost -and $kitHost -and $kitHost.ToUpperInvariant() -eq $Machine.HostName.ToUpperInvariant()) {
            $byHost = @{ File = $file; Kit = $kit }
        }
    }
    return $byHost
}

# Collect mode: optional key install, then the record file.
function Invoke-Collect([string]$KitDir, [string]$StickDir) {
    $outDir = Join-Path $StickDir 'collected'
    if (-not (Test-Path -LiteralPath $outDir)) {
        New-Item -ItemType Directory -Path $outDir -Force | Out-Null
    }

    # Step 1: optional key install from InstallKey.txt.
    $keyFile = Join-Path $KitDir 'InstallKey.txt'
    if (Test-Path -LiteralPath $keyFile) {
        foreach ($line in @(Get-Content -LiteralPath $keyFile)) {
            if ($line -and $line.Trim()) { $script:ProductKey = $line.Trim().ToUpperInvariant(); break }
        }
        if (-not $script:ProductKey -or $script:ProductKey -notmatch '^[A-Z0-9]{5}(-[A-Z0-9]{5}){4}$') {
            throw 'InstallKey.txt does not hold a product key on its first line (XXXXX-XXXXX-XXXXX-XXXXX-XXXXX).'
        }
        if (-not (Test-Admin)) {
            throw 'InstallKey.txt is present, so the key must be installed, and that needs administrator rights. Right-click Collect.cmd and choose "Run as administrator".'
        }
        $lastFive = $script:ProductKey.Substring($script:ProductKey.Length - 5)
        Write-Host ('Installing the product key ending in ' + $lastFive + ' ...')
        $service = @(Get-Instances 'SoftwareLicensingService' $null)[0]
        Invoke-Method $service 'InstallProductKey' @{ ProductKey = $script:ProductKey }
        Invoke-Method $service 'RefreshLicenseStatus' @{}
        Write-Host 'Key installed.'
    }

    # Step 2: identity.
    $machine = Get-Machine
    Write-Host ('Computer: ' + $machine.HostName)

    # Step 3: licensing products that have a key installed.
    Write-Host 'Reading licensing information (this can take a minute) ...'
    $products = Get-Products
    Write-Host ('Products with a key installed: ' + $products.Count)
    foreach ($entry in $products) {
        Write-Host ('  ' + $entry.Wmi.Name + ' (key ending in ' + $entry.Wmi.PartialProductKey + ')')
    }

    # Step 4: write the record to a temporary file, then rename it into place.
    $baseName = Get-BaseName $machine
    $finalPath = Join-Path $outDir ($baseName + '.xml')
    $script:TmpPath = Join-Path $outDir ($baseName + '.xml.tmp')
    $w = New-XmlWriter $script:TmpPath
    try {
        $w.WriteStartDocument()
        Write-MachineRecord $w $machine $products (Get-UtcNow)
        $w.WriteEndDocument()
    } finally {
        $w.Close()
    }

    # Replaces the record of an earlier run on this machine (same file name).
    Move-Item -LiteralPath $script:TmpPath -Destination $finalPath -Force
    $script:TmpPath = $null
    Write-Host ('Record written: ' + $finalPath)
}

# Apply mode: deposit the kit's CIDs, refresh, re-collect, write the result file.
function Invoke-Apply([string]$StickDir) {
    if (-not (Test-Admin)) {
        throw 'Installing Confirmation IDs needs administrator rights. Right-click Apply.cmd and choose "Run as administrator".'
    }
    $kitDir = Join-Path $StickDir 'kit'
    $outDir = Join-Path $StickDir 'results'
    if (-not (Test-Path -LiteralPath $kitDir)) {
        throw ('There is no activation kit on this stick (' + $kitDir + '). Write one on the appliance: airlock activation-kit --to STICK')
    }
    if (-not (Test-Path -LiteralPath $outDir)) {
        New-Item -ItemType Directory -Path $outDir -Force | Out-Null
    }

    # Step 1: who is this machine, and which kit file is its own.
    $machine = Get-Machine
    Write-Host ('Computer: ' + $machine.HostName)
    $found = Find-Kit $kitDir $machine
    if (-not $found) {
        throw ('The activation kit has no file for this machine (SMBIOS UUID ' + $machine.Uuid + ', host name ' + $machine.HostName + '). Nothing was changed.')
    }
    Write-Host ('Kit file: ' + $found.File.Name)

    # Step 2: per kit product: same IID as now? then deposit its CID.
    Write-Host 'Reading licensing information (this can take a minute) ...'
    $before = Get-Products
    $outcomes = New-Object System.Collections.ArrayList
    $refreshOspp = $false
    foreach ($kp in @($found.Kit.GetElementsByTagName('Product', $kns))) {
        $sku = Get-KitText $kp 'ID'
        $name = Get-KitText $kp 'Name'
        $iid = Get-KitText $kp 'OfflineInstallationId'
        $cid = Get-KitText $kp 'ConfirmationId'
        $outcome = @{ Sku = $sku; Iid = $iid; Result = 'NotFound'; Code = $null; Message = $null }
        $target = $null
        foreach ($entry in $before) {
            if ($entry.Class -eq $kp.GetAttribute('class') -and [string](Get-Text $entry.Wmi.ID) -eq $sku) { $target = $entry.Wmi }
        }
        if (-not $target) {
            Write-Host ('  ' + $name + ': not found with a key installed here; not applied.') -ForegroundColor Yellow
        } elseif ([string](Get-Text $target.OfflineInstallationId) -ne $iid) {
            $outcome.Result = 'IidChanged'
            Write-Host ('  ' + $name + ': IID changed, re-collect (the CID belongs to another IID); not applied.') -ForegroundColor Yellow
        } else {
            $deposit = Invoke-Deposit $target $iid $cid
            $outcome.Code = $deposit.Code
            $outcome.Message = $deposit.Message
            if ($deposit.Code -eq 0) {
                $outcome.Result = 'Deposited'
                Write-Host ('  ' + $name + ': Confirmation ID installed.')
            } else {
                $outcome.Result = 'Failed'
                Write-Host ('  ' + $name + ': FAILED with ' + (Format-Code $deposit.Code)) -ForegroundColor Red
            }
            if ($kp.GetAttribute('class') -eq 'OfficeSoftwareProtectionProduct') { $refreshOspp = $true }
        }
        [void]$outcomes.Add($outcome)
    }

    # Step 3: let Windows (and OSPP) re-evaluate, then read everything again.
    Invoke-Method (@(Get-Instances 'SoftwareLicensingService' $null)[0]) 'RefreshLicenseStatus' @{}
    if ($refreshOspp) {
        try {
            Invoke-Method (@(Get-Instances 'OfficeSoftwareProtectionService' $null)[0]) 'RefreshLicenseStatus' @{}
        } catch {
            Write-Host 'Office Software Protection did not refresh; its status is read as it is.'
        }
    }
    $collected = Get-UtcNow
    $machine = Get-Machine
    $after = Get-Products

    # Step 4: the result file (temporary name, then renamed), with a fresh collection.
    $baseName = (Get-BaseName $machine) + '_' + ($collected -replace '[-:]', '')
    $finalPath = Join-Path $outDir ($baseName + '.xml')
    $script:TmpPath = Join-Path $outDir ($baseName + '.xml.tmp')
    $w = New-XmlWriter $script:TmpPath
    try {
        $w.WriteStartDocument()
        $w.WriteStartElement('ApplyResult', $rns)
        $w.WriteAttributeString('formatVersion', '1')
        $w.WriteAttributeString('collectorVersion', $CollectorVersion)
        $w.WriteElementString('Applied', $rns, $collected)
        $w.WriteElementString('KitFile', $rns, $found.File.Name)
        $w.WriteStartElement('Outcomes', $rns)
        foreach ($o in $outcomes) {
            $w.WriteStartElement('Outcome', $rns)
            $w.WriteElementString('ID', $rns, [string]$o.Sku)
            $w.WriteElementString('OfflineInstallationId', $rns, [string]$o.Iid)
            $w.WriteElementString('Result', $rns, $o.Result)
            if ($null -ne $o.Code) { $w.WriteElementString('ReturnCode', $rns, (Format-Code $o.Code)) }
            $status = $null
            foreach ($entry in $after) {
                if ([string](Get-Text $entry.Wmi.ID) -eq $o.Sku) { $status = Get-Number $entry.Wmi.LicenseStatus }
            }
            if ($status) {
                $w.WriteElementString('LicenseStatus', $rns, $status)
                if ($o.Result -eq 'Deposited') {
                    Write-Host ('  ' + $o.Sku + ': license status now ' + $status + $(if ($status -eq '1') { ' (Licensed)' } else { '' }))
                }
            }
            if ($o.Message) {
                $text = $o.Message
                if ($text.Length -gt 1024) { $text = $text.Substring(0, 1024) }
                $w.WriteElementString('Message', $rns, $text)
            }
            $w.WriteEndElement()
        }
        $w.WriteEndElement()
        Write-MachineRecord $w $machine $after $collected
        $w.WriteEndElement()
        $w.WriteEndDocument()
    } finally {
        $w.Close()
    }
    Move-Item -LiteralPath $script:TmpPath -Destination $finalPath -Force
    $script:TmpPath = $null
    Write-Host ('Result written: ' + $finalPath)
    Write-Host 'Bring the stick back to the appliance and run: airlock intake STICK'
}

# --- Main -----------------------------------------------------------------------

$ProductKey = $null
$TmpPath = $null
$exitCode = 1

try {
    # The stick is laid out AIRLOCK\collector\ (this kit), AIRLOCK\collected\ (records),
    # AIRLOCK\kit\ (activation kit) and AIRLOCK\results\ (apply results).
    $kitDir = Split-Path -Parent $MyInvocation.MyCommand.Path
    $stickDir = Split-Path -Parent $kitDir
    if (-not $stickDir) { $stickDir = $kitDir }

    Write-Host ('Airlock collector ' + $CollectorVersion + $(if ($Apply) { ' (apply mode)' } else { '' }))
    if ($Apply) {
        Invoke-Apply $stickDir
    } else {
        Invoke-Collect $kitDir $stickDir
    }
    $exitCode = 0
} catch {
    Write-Host ('FAILED: ' + (Hide-Key $_.Exception.Message)) -ForegroundColor Red
    if ($TmpPath -and (Test-Path -LiteralPath $TmpPath)) {
        Remove-Item -LiteralPath $TmpPath -Force -ErrorAction SilentlyContinue
    }
    $exitCode = 1
}
exit $exitCode
