using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace NokoBot.Email;

/// <summary>
/// A mail server's certificate is valid when the system trusts it, or when it chains to the one certificate configured
/// for that server (<c>TrustedCertificate</c>: a self-signed or private-CA server). The name must match either way.
/// </summary>
public static class CertificateTrust
{
    /// <returns>null (the system's checks) when no certificate is configured.</returns>
    public static RemoteCertificateValidationCallback? For(string? pemPath)
    {
        if (string.IsNullOrWhiteSpace(pemPath)) return null;
        var trusted = X509Certificate2.CreateFromPem(File.ReadAllText(pemPath));
        return (_, certificate, chain, errors) =>
        {
            if (errors == SslPolicyErrors.None) return true;
            if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
                return false;
            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.Add(trusted);
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (chain is not null) foreach (var element in chain.ChainElements) custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            using var presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            return custom.Build(presented);
        };
    }
}
