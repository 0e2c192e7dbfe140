namespace Sky.Configuration;

/// <summary>One problem in a configuration, where it is (1-based line and column) and under which key.</summary>
public sealed record ConfigurationError(string File, int Line, int Column, string KeyPath, string Message)
{
    public override string ToString() => Positioned.Text(File, Line, Column, KeyPath, Message);
}
