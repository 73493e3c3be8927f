/** True when the document is valid requirements v1 exactly as written (see valid-as-written.ts). */
export declare function validate(data: unknown): boolean;
