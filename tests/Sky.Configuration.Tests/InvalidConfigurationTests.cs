namespace Sky.Configuration.Tests;

/// <summary>
/// Each invalid configuration gives exactly one error, with its position and key path and the exact words
/// a user reads. Lines are given one per string so that positions can be checked by eye.
/// </summary>
public class InvalidConfigurationTests
{
    private const string NameRule = "(use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit)";

    private static readonly (string Expected, string Yaml)[] Table =
    [
        Case("test.yml:4:1: a.ports: While parsing a flow sequence, did not find expected ',' or ']'.",
            "a:", "  image: x", "  ports: [1, 2"),
        Case("test.yml:3:3: a.imagee: unknown key 'imagee' (did you mean 'image'?)",
            "a:", "  image: x", "  imagee: y"),
        Case("test.yml:3:3: a.colour: unknown key 'colour'",
            "a:", "  image: x", "  colour: red"),
        Case("test.yml:3:10: a.ports: expected a list of ports, found a mapping",
            "a:", "  image: x", "  ports: {http: 80}"),
        Case("test.yml:3:15: a.ports[1]: '99999' is not a port (use a number from 1 to 65535)",
            "a:", "  image: x", "  ports: [80, 99999]"),
        Case("test.yml:5:15: my-application.instances.dev.memory: '1x' is not a size (use 512m, 1g)",
            "my-application:", "  image: x", "  instances:", "    dev:", "      memory: 1x"),
        Case("test.yml:6:17: a.checks[0].interval: '5 parsecs' is not a duration (use 5s, 2m, 1h)",
            "a:", "  image: x", "  ports: [80]", "  checks:", "    - http: /health", "      interval: 5 parsecs"),
        Case("test.yml:3:12: a.restart: 'sometimes' is not a restart policy (use no, on-failure, on-failure:N, always or unless-stopped)",
            "a:", "  image: x", "  restart: sometimes"),
        Case("test.yml:4:13: j.timezone: 'Mars/Olympus' is not a time zone (use an IANA name such as Europe/Paris)",
            "j:", "  image: x", "  every: 1 day at 17:00", "  timezone: Mars/Olympus"),
        Case("test.yml:6:14: b.requires[0]: requires cycle: a -> b -> a",
            "a:", "  image: x", "  requires: [b]", "b:", "  image: y", "  requires: [a]"),
        Case("test.yml:3:14: a.requires[0]: requires cycle: a -> a",
            "a:", "  image: x", "  requires: [a]"),
        Case("test.yml:5:17: a.instances.dev.requires: requires cycle: a -> b -> a",
            "a:", "  image: x", "  instances:", "    dev:", "      requires: b", "b:", "  image: y", "  requires: a"),
        Case("test.yml:3:14: a.requires[0]: unknown dependency 'databse' (did you mean 'database'?)",
            "a:", "  image: x", "  requires: [databse]", "database:", "  image: cassandra"),
        Case("test.yml:3:13: a.requires: '" + "nightly' is a recurrent job and cannot be required",
            "a:", "  image: x", "  requires: nightly", "nightly:", "  image: y", "  every: 1 day at 17:00"),
        Case("test.yml:3:1: a: duplicate entry 'a' (first at test.yml:1:1)",
            "a:", "  image: x", "a:", "  image: y"),
        Case("test.yml:3:3: a.image: duplicate key 'image' (first at test.yml:2:3)",
            "a:", "  image: x", "  image: y"),
        Case("test.yml:1:1: My_App: 'My_App' is not a valid name " + NameRule,
            "My_App:", "  image: x"),
        Case("test.yml:4:5: a.instances.-dev: '-dev' is not a valid name " + NameRule,
            "a:", "  image: x", "  instances:", "    -dev: {}"),
        Case("test.yml:3:3: a.timezone: 'timezone' is only for recurrent jobs (entries with every:)",
            "a:", "  image: x", "  timezone: Europe/Paris"),
        Case("test.yml:4:3: j.ports: 'ports' is not allowed in a recurrent job (entries with every:)",
            "j:", "  image: x", "  every: 1 day at 17:00", "  ports: [80]"),
        Case("test.yml:5:7: a.instances.dev.instances: an instance cannot have instances of its own",
            "a:", "  image: x", "  instances:", "    dev:", "      instances: {x: {}}"),
        Case("test.yml:5:7: a.instances.dev.every: an instance cannot have 'every' (a recurrent job is a top-level entry)",
            "a:", "  image: x", "  instances:", "    dev:", "      every: 1 day at 17:00"),
        Case("test.yml:3:12: a.version: image 'base:0.7' already has a tag; remove it or remove 'version'",
            "a:", "  image: base:0.7", "  version: '0.8'"),
        Case("test.yml:3:10: a.image: '127.0.0.1:5000/My App:1' is not an image name (use name, name:tag or registry/name:tag, in lower case)",
            "a:", "  ports: [80]", "  image: 127.0.0.1:5000/My App:1"),
        Case("test.yml:1:1: a: no image (add image: NAME or image: NAME:TAG)",
            "a:", "  ports: [80]"),
        Case("test.yml:4:5: a.instances.dev: no image (add image: here or to 'a')",
            "a:", "  instances:", "    prod: {image: x}", "    dev: {memory: 1g}"),
        Case("test.yml:4:5: a.env.DEBUG: 'DEBUG' has no value (write DEBUG: \"\" for an empty one)",
            "a:", "  image: x", "  env:", "    DEBUG:", "    LEVEL: 3"),
        Case("test.yml:3:8: a.env: expected a mapping of environment variables, found a list",
            "a:", "  image: x", "  env: [A=1]"),
        Case("test.yml:4:7: a.checks[0]: an http check needs a port (add port: N to the check, or ports: to the service)",
            "a:", "  image: x", "  checks:", "    - http: /health"),
        Case("test.yml:4:7: a.checks[0]: a check can have only one of http, port or command",
            "a:", "  image: x", "  checks:", "    - {http: /health, command: true}"),
        Case("test.yml:4:7: a.checks[0]: a check needs one of http: PATH, port: N or command: CMD",
            "a:", "  image: x", "  checks:", "    - interval: 5s"),
        Case("test.yml:4:13: a.checks[0].http: 'health' is not an HTTP path (start it with /)",
            "a:", "  image: x", "  checks:", "    - http: health", "      port: 80"),
        Case("test.yml:3:13: a.replicas: '0' is not a number of replicas (use 1 to 1000)",
            "a:", "  image: x", "  replicas: 0"),
        Case("test.yml:6:16: a.checks[0].retries: '0' is not a number of retries (use 1 or more)",
            "a:", "  image: x", "  ports: [80]", "  checks:", "    - port: 80", "      retries: 0"),
        Case("test.yml:3:13: a.replicas: '5000' is not a number of replicas (use 1 to 1000)",
            "a:", "  image: x", "  replicas: 5000"),
        Case("test.yml:3:9: a.cpus: '-1' is not a number of CPUs (use a number above 0 such as 0.5 or 2)",
            "a:", "  image: x", "  cpus: -1"),
        Case("test.yml:3:13: a.volumes[0]: 'data' is not a volume (use name:/path, /host:/path or ./folder:/path, with :ro to mount read-only)",
            "a:", "  image: x", "  volumes: [data]"),
        Case("test.yml:3:13: a.volumes[0]: 'data' is not a mount path (use an absolute path such as /data)",
            "a:", "  image: x", "  volumes: ['cache:data']"),
        Case("test.yml:4:25: j.notify-on-completion: 'maybe' is not true or false",
            "j:", "  image: x", "  every: 1 day at 17:00", "  notify-on-completion: maybe"),
        Case("test.yml:4:11: j.missed: 'always' is not a missed-run policy (use skip or run-once)",
            "j:", "  image: x", "  every: 1 day at 17:00", "  missed: always"),
        Case("test.yml:4:12: j.overlap: 'wait' is not an overlap policy (use skip, queue or replace)",
            "j:", "  image: x", "  every: 1 day at 17:00", "  overlap: wait"),
        Case("test.yml:4:12: j.timeout: 'soon' is not a duration (use 5s, 2m, 1h)",
            "j:", "  image: x", "  every: 1 day at 17:00", "  timeout: soon"),
        Case("test.yml:1:1: expected a mapping of entry names to services or jobs, found a list",
            "- a", "- b"),
        Case("test.yml:1:4: a: expected a mapping of keys (image, ports, ...), found '5'",
            "a: 5"),
        Case("test.yml:3:13: a.requires: expected a list of entry names, found a mapping",
            "a:", "  image: x", "  requires: {b: 1}"),
        Case("test.yml:3:12: a.version: '1.0 beta' is not an image tag (use at most 128 letters, digits, '.', '_' and '-')",
            "a:", "  image: x", "  version: 1.0 beta"),
        Case("test.yml:3:10: a.ports: unknown alias '*web'",
            "a:", "  image: x", "  ports: *web"),
        Case("test.yml:3:15: a.maintainer: a maintainer needs both name and email",
            "a:", "  image: x", "  maintainer: {name: Jane}"),
        Case("test.yml:3:35: a.maintainer.email: 'jane' is not an e-mail address",
            "a:", "  image: x", "  maintainer: {name: Jane, email: jane}"),
        Case("test.yml:3:12: a.command: the command is empty",
            "a:", "  image: x", "  command: []"),
        Case("test.yml:3:14: a.instances: instances is empty (name at least one instance, or remove the key)",
            "a:", "  image: x", "  instances: {}"),
        Case("test.yml:3:15: a.ports[1]: port 80 is listed twice",
            "a:", "  image: x", "  ports: [80, 80]"),
    ];

    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (expected, yaml) in Table)
            {
                data.Add(expected, yaml);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_invalid_configuration_gives_one_precise_error(string expected, string yaml)
    {
        Assert.Equal(expected, TestConfig.SingleError(yaml));
    }

    private static (string, string) Case(string expected, params string[] lines) => (expected, string.Join('\n', lines) + "\n");
}
