export { CallbackReceiver } from "./receiver";
