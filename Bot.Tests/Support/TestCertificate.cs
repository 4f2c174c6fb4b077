using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NokoBot.Tests.Support;

/// <summary>
/// A self-signed server certificate for 127.0.0.1 and localhost, made in the test and written as PEM files (the mail
/// servers read them; the service is told to trust <see cref="CertificatePath"/>).
/// </summary>
public sealed class TestCertificate
{
    private TestCertificate(string certificatePath, string keyPath, string thumbprint)
    {
        CertificatePath = certificatePath;
        KeyPath = keyPath;
        Thumbprint = thumbprint;
    }

    public string CertificatePath { get; }
    public string KeyPath { get; }

    /// <summary>The certificate's SHA-1 hash as <c>GetCertHashString</c> gives it: a test's client trusts exactly this one.</summary>
    public string Thumbprint { get; }

    /// <summary>Whether a server presented this very certificate.</summary>
    public bool IsThis(X509Certificate? presented) =>
        presented is not null && string.Equals(presented.GetCertHashString(), Thumbprint, StringComparison.OrdinalIgnoreCase);

    public static TestCertificate Create(string folder)
    {
        Directory.CreateDirectory(folder);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        var certificatePath = Path.Combine(folder, "server.crt");
        var keyPath = Path.Combine(folder, "server.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return new TestCertificate(certificatePath, keyPath, certificate.GetCertHashString());
    }
}
