// Token request bodies as IMS reads them: URL-encoded or multipart/form-data, dispatched on Content-Type.

import { describe, expect, it } from "vitest";
import { parseMediaType, readForm } from "../../src/emulator/form-body.js";

const fields = (result: ReturnType<typeof readForm>) => (result.ok ? [...result.fields] : result.description);

/** A multipart body as the form-data package (@adobe/jwt-auth, @adobe/aio-lib-ims, Newman's formdata) writes it. */
function multipart(boundary: string, parts: ReadonlyArray<readonly [string, string]>, eol = "\r\n"): string {
  const body = parts
    .map(([name, value]) => `--${boundary}${eol}Content-Disposition: form-data; name="${name}"${eol}${eol}${value}${eol}`)
    .join("");
  return `${body}--${boundary}--${eol}`;
}

describe("readForm", () => {
  const boundary = "--------------------------305607992758546363517043";
  it("reads multipart/form-data as the form-data package sends it, values kept byte for byte", () => {
    const body = multipart(boundary, [
      ["client_id", "abc"],
      ["client_secret", 's3cr"et é=&'],
      ["jwt_token", "a.b.c"],
    ]);
    expect(fields(readForm(`multipart/form-data; boundary=${boundary}`, body))).toEqual([
      ["client_id", "abc"],
      ["client_secret", 's3cr"et é=&'],
      ["jwt_token", "a.b.c"],
    ]);
  });

  it("takes a quoted boundary, upper-case type names, LF line ends, a preamble, a part's own Content-Type and an empty value", () => {
    const body = `preamble\n--xyz\ncontent-disposition: FORM-DATA; filename="k.pem"; name="private"\nContent-Type: text/plain\n\nline 1\nline 2\n--xyz\nContent-Disposition: form-data; name="empty"\n\n\n--xyz--`;
    expect(fields(readForm('Multipart/Form-Data; charset=utf-8; boundary="xyz"', body))).toEqual([
      ["private", "line 1\nline 2"],
      ["empty", ""],
    ]);
  });

  it("reads URL-encoded bodies, and bodies without a Content-Type as URL-encoded (curl -d, Postman's urlencoded)", () => {
    expect(fields(readForm("application/x-www-form-urlencoded;charset=UTF-8", "client_id=a%20b&scope=openid,AdobeID"))).toEqual([
      ["client_id", "a b"],
      ["scope", "openid,AdobeID"],
    ]);
    expect(fields(readForm(undefined, "client_id=x"))).toEqual([["client_id", "x"]]);
  });

  it("gives no fields for another type (IMS then answers as for a missing client_id)", () => {
    expect(fields(readForm("application/json", '{"client_id":"x"}'))).toEqual([]);
  });

  it("refuses a multipart body without boundary, without its closing line, or with a part that has no name", () => {
    expect(fields(readForm("multipart/form-data", "--x--"))).toMatch(/has no boundary/);
    expect(fields(readForm("multipart/form-data; boundary=x", '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nv'))).toMatch(
      /no closing boundary/,
    );
    expect(fields(readForm("multipart/form-data; boundary=x", "--x\r\nContent-Type: text/plain\r\n\r\nv\r\n--x--"))).toMatch(
      /no Content-Disposition name/,
    );
  });
});

describe("parseMediaType", () => {
  it("lower-cases the type and parameter names, unquotes values", () => {
    const media = parseMediaType('Multipart/Form-Data; BOUNDARY="a\\"b"; x=1');
    expect(media.type).toBe("multipart/form-data");
    expect([...media.parameters]).toEqual([
      ["boundary", 'a"b'],
      ["x", "1"],
    ]);
  });
});
