// The tests read and poke the store's tables with plain Dapper (at run time, by reflection): only the product is
// compiled ahead of time, so its calls alone are bound at build time (src/Sky.Store/DapperAot.cs).
[module: Dapper.DapperAot(false)]
