// Trims jsrsasign's RSA-only build to what reading an RSA private key and signing RS256 reach: the engine carries less.

/** The slice of an ESTree program (rollup's `this.parse`) the trimming reads. */
export interface EstreeNode {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly [key: string]: unknown;
}

/** CryptoJS files inside the build, by the title of their licence comment: 64-bit words, ciphers, SHA-1, SHA-384/512. */
const UNUSED_CRYPTOJS = ["x64-core-min.js", "cipher-core.js", "sha1-min.js", "sha512-min.js"];

/**
 * Top-level assignments (to these targets and below) that RSAKey.sign(…, "sha256"), the key
 * readers (readPKCS8PrvKeyHex, readPKCS5PrvKeyHex with ASN1HEX) and the base64 helpers never reach.
 * What only they used (RSA key generation, OAEP, PSS…) is then dropped by rollup's tree-shaking.
 */
const UNUSED_ASSIGNMENTS = [
  "KJUR.asn1", // DER encoders: keys are read with ASN1HEX
  "KJUR.crypto.Signature", // we call RSAKey.sign ourselves
  "KJUR.crypto.Mac",
  "KJUR.crypto.Cipher",
  "KJUR.crypto.OID",
  "ASN1HEX.dump",
  "ASN1HEX.parse",
  "ASN1HEX.checkStrictDER",
  "ASN1HEX.hextooidstr",
  "ASN1HEX.oidname",
  "ASN1HEX.getOIDName",
  "ASN1HEX.getOID",
  "ASN1HEX.getInt",
  "ASN1HEX.getString",
  "RSAKey.prototype.signPSS",
  "RSAKey.prototype.signWithMessageHashPSS",
  "RSAKey.prototype.verify",
  "RSAKey.prototype.verifyWithMessageHash",
  "RSAKey.prototype.verifyPSS",
  "RSAKey.prototype.verifyWithMessageHashPSS",
  "RSAKey.prototype.generate",
  "RSAKey.prototype.readCertPubKeyHex",
  "RSAKey.prototype.readPKCS5PubKeyHex",
  "RSAKey.prototype.readPKCS8PubKeyHex",
  "RSAKey.prototype.readPrivateKeyFromPEMString",
];

function path(node: EstreeNode): string | undefined {
  if (node.type === "Identifier") return node.name as string;
  if (node.type !== "MemberExpression" || node.computed) return undefined;
  const object = path(node.object as EstreeNode);
  return object === undefined ? undefined : `${object}.${(node.property as EstreeNode).name as string}`;
}

/**
 * What a statement defines, when that is all it does: the target of `a.b = …`, of each assignment
 * in `if (…) { a.b = … }`, or the class `extendClass(a.b, base)` wires up.
 */
function assignedTargets(statement: EstreeNode): string[] | undefined {
  if (statement.type === "ExpressionStatement") {
    const expression = statement.expression as EstreeNode;
    const subject =
      expression.type === "AssignmentExpression"
        ? (expression.left as EstreeNode)
        : expression.type === "CallExpression" && path(expression.callee as EstreeNode) === "extendClass"
          ? (expression.arguments as EstreeNode[])[0]
          : undefined;
    const target = subject && path(subject);
    return target === undefined ? undefined : [target];
  }
  if (statement.type === "IfStatement" && !statement.alternate) {
    const consequent = statement.consequent as EstreeNode;
    const body = consequent.type === "BlockStatement" ? (consequent.body as EstreeNode[]) : [consequent];
    const targets = body.map(assignedTargets);
    return targets.every((found) => found !== undefined) ? (targets.flat() as string[]) : undefined;
  }
  return undefined;
}

const isUnused = (target: string, denied: string) => target === denied || target.startsWith(`${denied}.`);

/**
 * jsrsasign's RSA build less UNUSED_CRYPTOJS and UNUSED_ASSIGNMENTS. The signer (RSAKey.sign and
 * everything it calls) is untouched. Every entry must be found, or the build stops: another
 * jsrsasign version needs a fresh look, and the engine's tests.
 */
export function trimJsrsasign(library: string, parse: (code: string) => EstreeNode, fail: (message: string) => never): string {
  const lines = library.split("\n");
  const dropLines = new Set<number>();
  for (const title of UNUSED_CRYPTOJS) {
    // A CryptoJS file runs from the "/*" line before its title to the next line starting a comment.
    const at = lines.indexOf(`CryptoJS v3.1.2 ${title}`);
    if (at < 1 || lines[at - 1] !== "/*") fail(`jsrsasign: CryptoJS ${title} not found in the RSA build`);
    let end = at + 1;
    while (end < lines.length && !lines[end]!.startsWith("/*")) end++;
    for (let index = at - 1; index < end; index++) dropLines.add(index);
  }
  const code = lines.filter((_, index) => !dropLines.has(index)).join("\n");

  const cuts: EstreeNode[] = [];
  const used = new Set<string>();
  for (const statement of parse(code).body as EstreeNode[]) {
    const targets = assignedTargets(statement);
    const denied = targets && UNUSED_ASSIGNMENTS.filter((entry) => targets.some((target) => isUnused(target, entry)));
    if (!targets || !denied?.length || !targets.every((target) => UNUSED_ASSIGNMENTS.some((entry) => isUnused(target, entry)))) continue;
    cuts.push(statement);
    for (const entry of denied) used.add(entry);
  }
  const missing = UNUSED_ASSIGNMENTS.filter((entry) => !used.has(entry));
  if (missing.length > 0) fail(`jsrsasign: not found in the RSA build: ${missing.join(", ")}`);
  let trimmed = code;
  for (const statement of cuts.sort((a, b) => b.start - a.start))
    trimmed = `${trimmed.slice(0, statement.start)};${trimmed.slice(statement.end)}`;
  return trimmed;
}
