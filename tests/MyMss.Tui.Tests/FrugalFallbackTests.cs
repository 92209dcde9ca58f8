using MyMss.Tui.Output;

namespace MyMss.Tui.Tests;

public sealed class FrugalFallbackTests
{
    [Fact]
    public void Falling_back_to_the_stock_output_is_reported_once_per_process()
    {
        var reported = new List<Exception>();
        var first = new NotSupportedException("first");
        FrugalApplication.FellBack(first, reported.Add);
        FrugalApplication.FellBack(new NotSupportedException("second"), reported.Add);
        Assert.Same(first, Assert.Single(reported));
    }
}
