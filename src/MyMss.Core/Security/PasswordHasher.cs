using System.Security.Cryptography;
using System.Text;
using MyMss.Core.Domain;

namespace MyMss.Core.Security;

public interface IPasswordHasher
{
    PasswordHash Hash(string password);
    bool Verify(string password, PasswordHash stored);
}

/// <summary>PBKDF2-HMAC-SHA256 with a random 16-byte salt per password; verification in constant time.</summary>
public sealed class Pbkdf2PasswordHasher : IPasswordHasher
{
    public const string AlgorithmName = "PBKDF2-HMAC-SHA256";
    /// <summary>OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256.</summary>
    public const int DefaultIterations = 600_000;
    public const int SaltBytes = 16;
    public const int HashBytes = 32;

    private readonly int _iterations;

    public Pbkdf2PasswordHasher(int iterations = DefaultIterations)
    {
        if (iterations < DefaultIterations)
            throw new ArgumentOutOfRangeException(nameof(iterations), $"at least {DefaultIterations} iterations");
        _iterations = iterations;
    }

    /// <summary>A stored hash this product accepts (e.g. from an import): the algorithm, a cost at least today's, a full salt and hash.</summary>
    public static bool IsAcceptable(PasswordHash h) =>
        h.Algorithm == AlgorithmName && h.Iterations >= DefaultIterations && h.Salt.Length >= SaltBytes && h.Hash.Length == HashBytes;

    public PasswordHash Hash(string password)
    {
        byte[] salt = RandomNumberGenerator.GetBytes(SaltBytes);
        byte[] hash = Derive(password, salt, _iterations, HashBytes);
        return new PasswordHash(AlgorithmName, _iterations, salt, hash);
    }

    public bool Verify(string password, PasswordHash stored)
    {
        if (stored.Algorithm != AlgorithmName || stored.Iterations <= 0 || stored.Hash.Length == 0)
            return false;
        byte[] candidate = Derive(password, stored.Salt, stored.Iterations, stored.Hash.Length);
        return CryptographicOperations.FixedTimeEquals(candidate, stored.Hash);
    }

    private static byte[] Derive(string password, byte[] salt, int iterations, int length)
    {
        byte[] secret = Encoding.UTF8.GetBytes(password);
        try
        {
            return Rfc2898DeriveBytes.Pbkdf2(secret, salt, iterations, HashAlgorithmName.SHA256, length);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
