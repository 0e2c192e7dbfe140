namespace Sky.Runtime.Tests;

public class EngineProgressLineTests
{
    [Fact]
    public void A_build_output_line_is_its_text_without_the_newline()
    {
        var line = EngineProgressLine.Parse("""{"stream":"Step 1/3 : FROM sky-busybox:latest\n"}""");

        Assert.Equal(("Step 1/3 : FROM sky-busybox:latest", null), (line.Text, line.Error));
    }

    [Fact]
    public void A_layer_status_is_said_with_its_layer()
    {
        Assert.Equal("6a247840fb3f: Pushed", EngineProgressLine.Parse("""{"status":"Pushed","progressDetail":{},"id":"6a247840fb3f"}""").Text);
    }

    [Fact]
    public void A_progress_bar_update_says_nothing()
    {
        var line = EngineProgressLine.Parse("""{"status":"Pushing","progressDetail":{"current":512,"total":1024},"progress":"[=====>    ]","id":"6a247840fb3f"}""");

        Assert.Null(line.Text);
    }

    [Fact]
    public void An_error_detail_is_an_error_even_though_the_answer_was_200()
    {
        var line = EngineProgressLine.Parse("""{"errorDetail":{"message":"Get \"http://127.0.0.1:9/v2/\": connection refused"},"error":"Get \"http://127.0.0.1:9/v2/\": connection refused"}""");

        Assert.Equal("Get \"http://127.0.0.1:9/v2/\": connection refused", line.Error);
    }

    [Fact]
    public void A_build_ends_with_the_image_id_and_a_push_with_the_digest()
    {
        Assert.Equal("sha256:abc", EngineProgressLine.Parse("""{"aux":{"ID":"sha256:abc"}}""").ImageId);
        Assert.Equal("sha256:def", EngineProgressLine.Parse("""{"progressDetail":{},"aux":{"Tag":"1.2","Digest":"sha256:def","Size":528}}""").Digest);
    }
}
