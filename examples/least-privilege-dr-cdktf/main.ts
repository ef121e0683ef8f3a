/** `npx cdktf synth` runs this (see cdktf.json): the stack of stacks.ts, synthesized to cdktf.out/. */
import { App } from "cdktf";
import { LeastPrivilegeDrStack } from "./stacks.js";

const app = new App();
new LeastPrivilegeDrStack(app, "least-privilege-dr");
app.synth();
