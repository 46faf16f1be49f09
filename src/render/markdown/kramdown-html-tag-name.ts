/**
 * kramdown's `HTML_ELEMENT` table (kramdown 2.4, parser/html.rb): the span, block, body-less and
 * content-model element names. kramdown lower-cases only these names; any other name is an XML
 * name and keeps its case, so `<SoMe>` is closed by `</SoMe>` and not by `</some>`.
 */
const HTML_ELEMENT: ReadonlySet<string> = new Set(
  `a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt
rtc ruby samp select small span strong sub sup tt u var address article aside applet body blockquote caption col
colgroup dd div dl dt fieldset figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend
menu li main map nav ol optgroup p pre section summary table tbody td th thead tfoot tr ul area base command embed
keygen link meta param source track wbr details figure noscript object script style math textarea`.split(
    /\s+/,
  ),
);

/** A tag name as kramdown keeps it: lower-cased when it names an HTML element, else as written. */
export function kramdownTagName(name: string): string {
  const lower = name.toLowerCase();
  return HTML_ELEMENT.has(lower) ? lower : name;
}
