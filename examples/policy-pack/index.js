// The peerlink CrossGuard policy pack. Importing the module serves it: two stack policies, the core's topology
// errors as mandatory violations and its warnings as advisory ones. Run `npm install` here once, then
//   pulumi preview --policy-pack examples/policy-pack
import "peerlink/pulumi/policy";
