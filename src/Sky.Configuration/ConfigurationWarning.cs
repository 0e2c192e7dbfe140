namespace Sky.Configuration;

/// <summary>
/// Something in a configuration that is probably a mistake but does not stop it from applying (an alert on a metric
/// nothing measures), where it is and under which key, written like an error.
/// </summary>
public sealed record ConfigurationWarning(string File, int Line, int Column, string KeyPath, string Message)
{
    public override string ToString() => Positioned.Text(File, Line, Column, KeyPath, Message);
}
