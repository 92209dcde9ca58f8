using MyMss.Core.Security;

namespace MyMss.Core.Tests;

public sealed class PasswordHasherTests
{
    private readonly Pbkdf2PasswordHasher _hasher = new();

    [Fact]
    public void Hash_uses_PBKDF2_SHA256_with_at_least_600000_iterations_and_a_16_byte_salt()
    {
        var h = _hasher.Hash("s3cret");
        Assert.Equal("PBKDF2-HMAC-SHA256", h.Algorithm);
        Assert.True(h.Iterations >= 600_000);
        Assert.Equal(16, h.Salt.Length);
        Assert.Equal(32, h.Hash.Length);
    }

    [Fact]
    public void Verify_accepts_the_password_and_refuses_any_other()
    {
        var h = _hasher.Hash("s3cret");
        Assert.True(_hasher.Verify("s3cret", h));
        Assert.False(_hasher.Verify("s3cret ", h));
        Assert.False(_hasher.Verify("", h));
    }

    [Fact]
    public void The_same_password_gets_a_new_salt_and_hash_each_time()
    {
        var a = _hasher.Hash("same");
        var b = _hasher.Hash("same");
        Assert.NotEqual(a.Salt, b.Salt);
        Assert.NotEqual(a.Hash, b.Hash);
    }

    [Fact]
    public void A_stored_cost_is_honoured_so_it_can_be_raised_later()
    {
        var stronger = new Pbkdf2PasswordHasher(700_000).Hash("pw");
        Assert.Equal(700_000, stronger.Iterations);
        Assert.True(_hasher.Verify("pw", stronger));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Pbkdf2PasswordHasher(1000));
    }
}
