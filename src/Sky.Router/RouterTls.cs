namespace Sky.Router;

/// <summary>An HTTPS listener of the router: <c>HOST:PORT</c> and the PEM certificate and key files it answers with.</summary>
public sealed record RouterTls(string Listen, string CertificateFile, string KeyFile);
