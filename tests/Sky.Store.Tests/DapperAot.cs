// The tests read and poke the store's tables with Dapper too, bound at build time as the product's calls are: the test
// process cannot emit code (Directory.Build.props), as the ahead-of-time compiled daemon cannot.
[module: Dapper.DapperAot]
[module: Dapper.BindTupleByName(false)]
