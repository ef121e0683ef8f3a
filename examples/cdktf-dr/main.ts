/** `npx cdktf synth` runs this (see cdktf.json): the stacks of stacks.ts, synthesized to cdktf.out/. */
import { App } from "cdktf";
import { addStacks } from "./stacks.js";

const app = new App();
addStacks(app);
app.synth();
