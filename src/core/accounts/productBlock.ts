import { isBlank } from "./cellValues";
import { normaliseHeader } from "./fields";
import type { ColumnMatch } from "./mapping";
import type { TableInput } from "./table";

/**
 * The product block: one column per product or module holding the account's revenue from it (blank or 0: not owned),
 * the input of the whitespace analysis (issue 19, part 2). A column belongs to it by its header, one convention:
 *
 * - `Product: Fleet telematics` — a product word, then `:`, `–`, `—`, `-` or `|`, then the product's name; the product
 *   words are product(s), module(s) and the German, French and Spanish ones (Produkt(e), produit(s), producto(s));
 * - a group header "Products" (any product word) merged over the products' names, as a CRM export to Excel groups
 *   them: the second header row names the products.
 *
 * "Products", "Products in use" or "Product count" alone is the count of products (the `products` field), never a
 * block column: without the separator or the group, the product word is the whole header or its first word only.
 * Columns can also be named in the settings (`products`: the headers), whatever their headers say.
 */
export interface ProductMatch extends ColumnMatch {
  /** The product's name as the sheets show it: "Fleet telematics". */
  readonly product: string;
}

const PRODUCT_WORDS = new Set([
  "product",
  "products",
  "module",
  "modules",
  "produkt",
  "produkte",
  "produit",
  "produits",
  "producto",
  "productos",
]);

/** "Product: Fleet telematics" → "Fleet telematics"; undefined for any other header. */
export function productOfHeader(header: string): string | undefined {
  const m = /^\s*([\p{L}]+)\s*[:–—|-]\s*(\S.*?)\s*$/u.exec(header);
  if (!m || !PRODUCT_WORDS.has(normaliseHeader(m[1]))) return undefined;
  return m[2];
}

/**
 * The columns of the product block, left to right: headers in the `Product: name` form, and, under a two-row header,
 * every column below a product-word group ("Products" merged over "Connectivity | Cloud voice"). `headers` are the
 * combined headers detectMapping reads ("Products Connectivity"); the group is read from the header row itself.
 */
export function detectProductBlock(
  input: TableInput,
  headerRow: number,
  headers: readonly string[],
  twoRows: boolean,
): ProductMatch[] {
  const out: ProductMatch[] = [];
  const top = input.values[headerRow] ?? [];
  const sub = input.values[headerRow + 1] ?? [];
  let group = "";
  headers.forEach((header, column) => {
    if (twoRows) {
      if (!isBlank(top[column])) group = String(top[column]).trim();
      else if (isBlank(sub[column])) group = "";
    }
    const named = productOfHeader(header);
    if (named !== undefined) {
      out.push({ column, header, product: named, confidence: 1, reason: `header "${header}" names a product` });
      return;
    }
    const child = isBlank(sub[column]) ? "" : String(sub[column]).trim();
    if (twoRows && child !== "" && PRODUCT_WORDS.has(normaliseHeader(group))) {
      out.push({
        column,
        header,
        product: child,
        confidence: 0.9,
        reason: `"${child}" stands under the group "${group}"`,
      });
    }
  });
  return out;
}

/** The block as the analyst chose it (by column), with each product's name from its header. */
export function productMatches(headers: readonly string[], columns: readonly number[], reason: string): ProductMatch[] {
  return columns.map((column) => {
    const header = headers[column] ?? "";
    return { column, header, product: productOfHeader(header) ?? header, confidence: 1, reason };
  });
}
