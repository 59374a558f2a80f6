// The slice of des.js (CommonJS, no types of its own) that cbc.ts uses.
declare module "des.js" {
  interface Decipher {
    update(data: number[]): number[];
    final(): number[];
  }
  interface CipherClass {
    create(options: { type: "decrypt" | "encrypt"; key: number[]; iv: number[]; padding: boolean }): Decipher;
  }
  const des: {
    readonly DES: unknown;
    readonly EDE: unknown;
    readonly CBC: { instantiate(base: unknown): CipherClass };
  };
  export default des;
}
