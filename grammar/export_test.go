package grammar

// FlattenCursor exposes the cursor-walk oracle to the external tests.
var FlattenCursor = flattenCursor
